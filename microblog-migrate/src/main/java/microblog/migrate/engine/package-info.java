/**
 * What {@link microblog.migrate.Migrations} and the command line share: resolving
 * targets, the checks made before revisions run (half-applied, edited, adopted
 * from another tool), the models compared with a live database, writing new
 * revisions and deciding what they build on, and trying every revision on a
 * scratch database. Nothing here prints. Internal: applications use
 * {@link microblog.migrate.Migrations}.
 */
package microblog.migrate.engine;
