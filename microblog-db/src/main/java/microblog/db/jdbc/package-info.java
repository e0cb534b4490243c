/** Plain JDBC connections, opened without booting the ORM. */
package microblog.db.jdbc;
