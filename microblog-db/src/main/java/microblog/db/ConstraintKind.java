package microblog.db;

/** The kind of constraint a write broke, as far as the database tells. */
public enum ConstraintKind {
    UNIQUE,
    FOREIGN_KEY,
    NOT_NULL,
    CHECK,
    OTHER
}
