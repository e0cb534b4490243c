/**
 * One small schema (members who write notes) at successive versions, each a
 * holder class whose nested entities are the models at that version, so a test
 * can change the models step by step as a project does.
 */
package microblog.migrate.testmodels.evolution;
