/** The microblog application: configuration and the app object that ties models, database and migrations. */
package microblog.app;
