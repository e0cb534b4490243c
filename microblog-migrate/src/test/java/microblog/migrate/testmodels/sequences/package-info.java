/** Entities whose ids come from sequences, and one whose key changes from IDENTITY to a sequence. */
package microblog.migrate.testmodels.sequences;
