/**
 * What each supported database needs said about it, one class per database: its Hibernate
 * dialect and JDBC driver, the URL forms that name it, the settings every connection gets, where
 * JDBC metadata finds the application's tables, and what its error codes mean. {@link
 * microblog.db.url.DatabaseKind} lists them; adding a database here and its migration dialect in
 * {@code microblog.migrate.dialect} is all it takes.
 */
package microblog.db.dialect;
