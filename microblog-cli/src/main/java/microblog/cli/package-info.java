/** The {@code db} command line (picocli), a thin face over {@code microblog.migrate.command}. */
package microblog.cli;
