/** How Hibernate is set up: shared settings and the snake_case naming strategy. */
package microblog.db.orm;
