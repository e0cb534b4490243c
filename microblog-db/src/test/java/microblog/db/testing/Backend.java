package microblog.db.testing;

import microblog.db.url.DatabaseKind;

/** The databases the suite runs on: embedded SQLite and the two servers. */
public enum Backend {
    SQLITE(DatabaseKind.SQLITE),
    POSTGRESQL(DatabaseKind.POSTGRESQL),
    MARIADB(DatabaseKind.MYSQL);

    private final DatabaseKind kind;

    Backend(DatabaseKind kind) {
        this.kind = kind;
    }

    public DatabaseKind kind() {
        return kind;
    }
}
