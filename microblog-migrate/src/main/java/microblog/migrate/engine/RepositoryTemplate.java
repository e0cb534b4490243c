package microblog.migrate.engine;

import microblog.migrate.script.ScriptDirectory;

/** The files {@code db init} and {@code Migrations.createRepository} write into a new migrations repository. */
public final class RepositoryTemplate {
    private RepositoryTemplate() {}

    public static String config() {
        return """
                # Settings of this migrations repository, read by the `db` commands and by Migrations.
                # Keep this directory in version control together with versions/.

                # The table that records which revisions a database stands at.
                version_table: %s

                # Tables `db migrate` and `db check` leave alone (names, or patterns with *),
                # such as another application's. Tables no model maps and no revision
                # created are never proposed for dropping anyway.
                # exclude_tables: [audit_log, legacy_*]

                # Seconds a command waits for another migration's lock (another process's
                # on PostgreSQL, MySQL/MariaDB and SQLite; this process's on H2) before
                # giving up; the default is 600.
                # lock_timeout: 600

                # On PostgreSQL and MySQL/MariaDB the lock is a lease on a row, renewed by
                # its holder; seconds it lasts after a holder stops renewing it (killed,
                # cut off), before another process takes over; the default is 30.
                # lock_lease: 30

                # On PostgreSQL and SQLite, where schema changes roll back, all the
                # revisions one command runs commit together, so a failure leaves the
                # database where the command found it. true commits each on its own (for
                # long chains of data migrations). MySQL/MariaDB commit each statement.
                # transaction_per_migration: false
                """
                .formatted(ScriptDirectory.DEFAULT_VERSION_TABLE);
    }

    public static String readme() {
        return """
                Database migrations, one YAML file per revision in versions/.
                With the application's command line (as in `./microblog db upgrade`):

                  db migrate -m "message"   write a revision from the model changes
                  db upgrade                apply the pending revisions
                  db downgrade              undo the last revision
                  db history                list the revisions
                  db upgrade --sql          print the SQL instead of running it

                Revision files are reviewed and edited like code: each lists an
                `upgrade` and a `downgrade` of operations (create_table, add_column,
                create_index, create_foreign_key, execute, ...), applied as written.
                """;
    }
}
