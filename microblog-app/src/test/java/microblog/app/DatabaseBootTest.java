package microblog.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import microblog.app.models.Post;
import microblog.app.models.User;
import microblog.db.Database;
import microblog.db.jdbc.DatabaseConnectionException;
import microblog.db.url.DatabaseUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseBootTest {
    @TempDir
    Path base;

    @Test
    void whoeverAsksBeforeTheBootEndsWaitsForItsDatabase() throws Exception {
        CountDownLatch bootMayEnd = new CountDownLatch(1);
        try (Database database = Database.open(DatabaseUrl.parse("sqlite://", base), List.of(User.class, Post.class))) {
            DatabaseBoot boot = new DatabaseBoot(() -> {
                try {
                    bootMayEnd.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return database;
            });
            CompletableFuture<Database> page = CompletableFuture.supplyAsync(boot::await);
            CompletableFuture<Database> other = CompletableFuture.supplyAsync(boot::await);
            assertThat(page).as("the boot has not ended").isNotDone();

            bootMayEnd.countDown();
            assertThat(page.get()).isSameAs(database);
            assertThat(other.get()).isSameAs(database);
            assertThat(boot.await()).isSameAs(database);
        }
    }

    @Test
    void aFailedBootIsThrownAsItWasToEveryCaller() {
        DatabaseConnectionException failure = new DatabaseConnectionException("cannot reach PostgreSQL at ...", null);
        DatabaseBoot boot = new DatabaseBoot(() -> {
            throw failure;
        });
        assertThatThrownBy(boot::await).isSameAs(failure);
        assertThatThrownBy(boot::await).isSameAs(failure);
    }
}
