/** Autogenerate: the models' schema against the live one, as operations and their inverses. */
package microblog.migrate.autogenerate;
