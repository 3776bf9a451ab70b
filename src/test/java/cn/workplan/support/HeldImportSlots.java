package cn.workplan.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import cn.workplan.system.table.ImportSlots;

/** Readings that hold their slots in threads of their own until released. */
public final class HeldImportSlots implements AutoCloseable {

    private final CountDownLatch release;
    private final CompletableFuture<?>[] readings;

    private HeldImportSlots(CountDownLatch release, CompletableFuture<?>[] readings) {
        this.release = release;
        this.readings = readings;
    }

    /** {@code count} readings that have their slots when this returns. */
    public static HeldImportSlots hold(ImportSlots slots, int count, CountDownLatch release) throws InterruptedException {
        var started = new CountDownLatch(count);
        var readings = new CompletableFuture<?>[count];
        for (int i = 0; i < count; i++) {
            // threads of their own: the common pool may have a single thread on a small machine
            readings[i] = CompletableFuture.runAsync(() -> slots.read(() -> {
                started.countDown();
                try {
                    return release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }, () -> new IllegalStateException("no slot for the holder")), runnable -> new Thread(runnable, "import-slot-holder").start());
        }
        assertThat(started.await(10, TimeUnit.SECONDS)).as("the holders have their slots").isTrue();
        return new HeldImportSlots(release, readings);
    }

    /** Waits for the holders to give their slots back. */
    public void finished() {
        CompletableFuture.allOf(readings).join();
    }

    @Override
    public void close() {
        release.countDown();
        finished();
    }
}
