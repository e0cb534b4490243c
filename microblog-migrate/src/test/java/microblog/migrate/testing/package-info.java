/**
 * What the tests of the migration library and of the command line over it share: the log
 * capture; the test models are in {@code microblog.migrate.testmodels}.
 */
package microblog.migrate.testing;
