/**
 * What {@link microblog.migrate.Migrations} and the command line share: resolving
 * targets, the checks made before revisions run (half-applied, edited, adopted
 * from another tool), and the models compared with a live database. Internal:
 * applications use {@link microblog.migrate.Migrations}.
 */
package microblog.migrate.engine;
