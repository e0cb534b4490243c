/** The migration commands, one method each; the command line is a thin face over them. */
package microblog.migrate.command;
