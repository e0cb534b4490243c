/**
 * What migrations need said about each database, one {@link
 * microblog.migrate.dialect.MigrationDialect} per database: how its DDL is written, the lock
 * that keeps two migrations apart, and (its {@link microblog.migrate.schema.SchemaCatalog}) how
 * its catalogue describes a schema. With the database's {@code microblog.db.dialect} class, this
 * is all that adding a database takes.
 */
package microblog.migrate.dialect;
