package microblog.db.testing;

import microblog.db.url.DatabaseKind;

/** The databases the suite runs on: embedded SQLite and H2, and the two servers. */
public enum Backend {
    SQLITE(DatabaseKind.SQLITE),
    POSTGRESQL(DatabaseKind.POSTGRESQL),
    MARIADB(DatabaseKind.MYSQL),
    H2(DatabaseKind.H2);

    private final DatabaseKind kind;

    Backend(DatabaseKind kind) {
        this.kind = kind;
    }

    public DatabaseKind kind() {
        return kind;
    }
}
