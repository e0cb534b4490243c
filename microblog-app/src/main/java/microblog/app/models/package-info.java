/** The database models: users and their posts. */
package microblog.app.models;
