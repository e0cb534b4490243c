package microblog.migrate.command;

import microblog.migrate.script.ScriptDirectory;

/** The files {@code db init} writes into a new migrations repository. */
final class RepositoryTemplate {
    private RepositoryTemplate() {
    }

    static String config() {
        return """
                # Settings of this migrations repository, read by `microblog db ...`.
                # Keep this directory in version control together with versions/.

                # The table that records which revisions a database stands at.
                version_table: %s

                # Tables `db migrate` and `db check` leave alone (names, or patterns with *),
                # such as another application's. Tables no model maps and no revision
                # created are never proposed for dropping anyway.
                # exclude_tables: [audit_log, legacy_*]

                # Seconds a command waits for another process's migration lock
                # (PostgreSQL, MySQL/MariaDB) before giving up; the default is 600.
                # lock_timeout: 600
                """.formatted(ScriptDirectory.DEFAULT_VERSION_TABLE);
    }

    static String readme() {
        return """
                Database migrations, one YAML file per revision in versions/.

                  microblog db migrate -m "message"   write a revision from the model changes
                  microblog db upgrade                apply the pending revisions
                  microblog db downgrade              undo the last revision
                  microblog db history                list the revisions
                  microblog db upgrade --sql          print the SQL instead of running it

                Revision files are reviewed and edited like code: each lists an
                `upgrade` and a `downgrade` of operations (create_table, add_column,
                create_index, create_foreign_key, execute, ...), applied as written.
                """;
    }
}
