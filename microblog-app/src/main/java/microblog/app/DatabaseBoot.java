package microblog.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import microblog.db.Database;

/**
 * A database being opened on a thread of its own. Opening it boots Hibernate (some 5,000 classes,
 * the longest part of {@code run}'s start), which needs nothing else the start-up does, so the
 * caller goes on with its own work meanwhile and {@linkplain #await() waits} only where it needs
 * the database.
 */
final class DatabaseBoot {
    private final CompletableFuture<Database> opened = new CompletableFuture<>();

    /** Starts {@code open} on a new thread. */
    DatabaseBoot(Supplier<Database> open) {
        Thread thread = new Thread(
                () -> {
                    try {
                        opened.complete(open.get());
                    } catch (Throwable e) { // every failure must reach the threads that wait
                        opened.completeExceptionally(e);
                    }
                },
                "database-boot");
        thread.setDaemon(true); // it never keeps the JVM alive on its own
        thread.start();
    }

    /**
     * The database once the boot has ended; a failed boot throws what it threw, to every caller,
     * so that the one-line error the commands print for it stays the same.
     */
    Database await() {
        try {
            return opened.join(); // not interruptible: a page that asks must get the database or the failure
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
