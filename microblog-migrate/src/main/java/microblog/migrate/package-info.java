/**
 * The Alembic / Flask-Migrate analogue for Jakarta Persistence. This package is
 * the API an application uses: {@link microblog.migrate.Migrations} (built from
 * a {@code DataSource} or a URL and a repository of revisions on disk or on the
 * class path) with the results it returns. Sub-packages, lowest first:
 * {@code schema} (what a database holds), {@code operations} (changes to it),
 * {@code ddl} (operations as SQL per database), {@code script} (revision files
 * and their graph), {@code runtime} (version table, applying revisions),
 * {@code autogenerate} (models vs live schema) and {@code engine} (what the API
 * and the command line share: targets, checks before running, new revisions,
 * the scratch-database test). Nothing here prints: every call returns what it
 * found or did, and progress is logged; the {@code db} command line, which
 * prints it, is the module microblog-cli.
 */
package microblog.migrate;
