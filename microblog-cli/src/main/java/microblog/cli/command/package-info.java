/**
 * The migration commands, one method each, printing what the {@code microblog.migrate} API
 * returns and reports; the {@code db} command line in {@code microblog.cli} is a thin face over them.
 */
package microblog.cli.command;
