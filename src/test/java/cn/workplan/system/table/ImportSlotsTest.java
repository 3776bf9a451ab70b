package cn.workplan.system.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import cn.workplan.support.HeldImportSlots;

/** At most so many files are read at once; one more is told to try again after a short wait, not queued for ever. */
class ImportSlotsTest {

    private final ImportSlots slots = new ImportSlots(new ImportProperties(2, Duration.ofMillis(200)));

    @Test
    void aThirdReadingWaitsBrieflyThenIsRefusedAndGoesAheadOnceASlotIsFree() throws Exception {
        var release = new CountDownLatch(1);
        try (var held = HeldImportSlots.hold(slots, 2, release)) {
            long start = System.nanoTime();
            var refusal = catchThrowableOfType(TableFileException.class,
                    () -> slots.read(() -> "read", () -> new TableFileException("import.error.busy")));

            assertThat(refusal.code()).isEqualTo("import.error.busy");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited for a slot, briefly")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(150)).isLessThan(Duration.ofSeconds(5));

            release.countDown();
            held.finished();
            assertThat(slots.read(() -> "read", () -> new TableFileException("import.error.busy"))).isEqualTo("read");
        }
    }

    @Test
    void aSlotIsGivenBackWhenTheReadingFails() throws Exception {
        var small = new ImportSlots(new ImportProperties(1, Duration.ofMillis(100)));
        catchThrowableOfType(TableFileException.class,
                () -> small.read(() -> { throw new TableFileException("import.error.unreadable"); }, () -> new TableFileException("import.error.busy")));

        assertThat(small.read(() -> "read", () -> new TableFileException("import.error.busy"))).isEqualTo("read");
    }
}
