/** Schema changes as values, independent of any database's SQL. */
package microblog.migrate.operations;
