/** The {@code db} command line (picocli), a thin face over {@code command}. */
package microblog.migrate.cli;
