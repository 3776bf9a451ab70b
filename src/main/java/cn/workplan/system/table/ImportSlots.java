package cn.workplan.system.table;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * A bound on the uploads read at the same time. Reading a file is the one request whose cost its sender chooses
 * (a spreadsheet's rows, a Word file's paragraphs, a long pasted plan), so a handful of them at once must not take
 * every core and the heap from the people working on their pages: at most {@link ImportProperties#maxConcurrent()}
 * are read at once on this instance; another waits up to {@link ImportProperties#busyWait()} for its turn, and is
 * then refused with a message that asks to try again in a moment rather than queue for ever.
 */
@Component
@EnableConfigurationProperties(ImportProperties.class)
public class ImportSlots {

    private static final Logger log = LoggerFactory.getLogger(ImportSlots.class);

    private final Semaphore slots;
    private final ImportProperties properties;

    public ImportSlots(ImportProperties properties) {
        this.properties = properties;
        this.slots = new Semaphore(properties.maxConcurrent(), true);
    }

    /** Reading that is never bounded: for code run outside the application (tests, tools). */
    public static ImportSlots unbounded() {
        return new ImportSlots(new ImportProperties(Integer.MAX_VALUE, java.time.Duration.ZERO));
    }

    /** A reading of a file, which may refuse it. */
    @FunctionalInterface
    public interface Reading<T, E extends Exception> {
        T read() throws E;
    }

    /**
     * Reads in a slot of its own, waiting for one at most the configured time.
     *
     * @param busy the refusal when no slot came free in time, with the message for the person
     */
    public <T, E extends Exception> T read(Reading<T, E> reading, Supplier<E> busy) throws E {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(properties.busyWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy.get();
        }
        if (!acquired) {
            log.warn("Upload refused: all {} import slots busy for {}", properties.maxConcurrent(), properties.busyWait());
            throw busy.get();
        }
        try {
            return reading.read();
        } finally {
            slots.release();
        }
    }
}
