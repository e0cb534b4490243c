/**
 * The Alembic / Flask-Migrate analogue for Jakarta Persistence. This package is
 * the API an application uses: {@link microblog.migrate.Migrations} (built from
 * a {@code DataSource} or a URL and a repository of revisions on disk or on the
 * class path) with the results it returns. Sub-packages, lowest first:
 * {@code schema} (what a database holds), {@code operations} (changes to it),
 * {@code ddl} (operations as SQL per database), {@code script} (revision files
 * and their graph), {@code runtime} (version table, applying revisions),
 * {@code autogenerate} (models vs live schema), {@code engine} (what the
 * commands share: targets, checks before running), {@code command} (the
 * command line's commands, printing what the engine returns) and {@code cli}
 * (the command line over them).
 */
package microblog.migrate;
