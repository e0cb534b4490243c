/**
 * Pictures of a schema, as the chapter shows one: Mermaid text for a README, and a
 * self-contained SVG drawn here, since no JVM library lays out entity-relationship
 * diagrams and the tools that do (Graphviz, mermaid-cli with its headless browser)
 * are programs a user would have to install.
 */
package microblog.migrate.diagram;
