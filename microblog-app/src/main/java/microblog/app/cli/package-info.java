/** The {@code microblog} command line: run, shell and db. */
package microblog.app.cli;
