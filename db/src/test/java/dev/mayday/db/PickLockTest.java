package dev.mayday.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A pick that holds the lock keeps the next one waiting until its transaction ends, on every kind of store. */
class PickLockTest {

    @TempDir
    Path dir;
    TestStores.OpenStore opened;

    @AfterEach
    void close() {
        if (opened != null) {
            opened.close();
        }
    }

    @StoreTest
    void aSecondPick_waitsForTheFirstPicksTransactionToEnd(StoreKind kind) throws Exception {
        opened = TestStores.open(kind, dir);
        Database db = opened.database();
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        AtomicBoolean secondHasTheLock = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> db.inTransaction(store -> {
                store.pickLock().take();
                firstHolds.countDown();
                await().atMost(Duration.ofSeconds(30)).until(() -> firstMayEnd.getCount() == 0);
                return null;
            }), pool);
            assertThat(firstHolds.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> db.inTransaction(store -> {
                store.pickLock().take();
                secondHasTheLock.set(true);
                return null;
            }), pool);

            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).untilFalse(secondHasTheLock);
            firstMayEnd.countDown();
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
            assertThat(secondHasTheLock).isTrue();
        } finally {
            firstMayEnd.countDown();
            pool.shutdownNow();
        }
    }
}
