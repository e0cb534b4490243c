/** What a database holds, as plain values: tables, columns, types, keys and indexes. */
package microblog.migrate.schema;
