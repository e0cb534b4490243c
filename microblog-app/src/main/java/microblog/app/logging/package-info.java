/** How the app logs: where progress goes and in what form. */
package microblog.app.logging;
