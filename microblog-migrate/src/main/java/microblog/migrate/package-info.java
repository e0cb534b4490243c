/**
 * The Alembic / Flask-Migrate analogue. Sub-packages, lowest first:
 * {@code schema} (what a database holds), {@code operations} (changes to it),
 * {@code ddl} (operations as SQL per database), {@code script} (revision files
 * and their graph), {@code runtime} (version table, applying revisions),
 * {@code autogenerate} (models vs live schema), {@code command} (one method per
 * command) and {@code cli} (the command line over it).
 */
package microblog.migrate;
