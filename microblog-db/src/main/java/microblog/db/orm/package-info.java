/** How Hibernate is set up: shared settings, the snake_case naming strategy, and @Lob as plain values. */
package microblog.db.orm;
