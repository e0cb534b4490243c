/** Applying revisions: the version table, transactions, locking, online and offline SQL. */
package microblog.migrate.runtime;
