/** The interactive shell: JShell with the app's context. */
package microblog.app.shell;
