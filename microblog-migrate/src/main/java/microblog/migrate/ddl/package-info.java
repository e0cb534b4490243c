/** Operations rendered as SQL, one renderer per database. */
package microblog.migrate.ddl;
