/** The {@code db} command line (picocli), a thin face over {@code microblog.cli.command}. */
package microblog.cli;
