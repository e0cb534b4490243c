/** The migrations repository: revision files, their YAML format, and the graph they form. */
package microblog.migrate.script;
