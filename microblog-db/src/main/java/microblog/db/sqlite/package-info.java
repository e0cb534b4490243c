/** What SQLite needs beyond Hibernate's community dialect. */
package microblog.db.sqlite;
