package cn.workplan.system.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the quick start's PostgreSQL and starts it again, on the same data directory and port, when its postmaster
 * dies (killed, out of memory): a bureau running the quick start on one machine has nobody to restart it. The server
 * replays its write-ahead log on the way up, so nothing it acknowledged is lost; the connection pool then drops its
 * connections to the dead server and opens new ones. A clean stop (the application shutting down, {@code pg_ctl stop})
 * is not a crash and is left alone.
 */
final class QuickStartSupervisor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QuickStartSupervisor.class);
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final QuickStartServer server;
    private final Duration restartDelay;
    private final Runnable afterRestart;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param restartDelay how long to wait after a crash before starting again: the dead server's processes need a
     *                     moment to exit and free its shared memory
     * @param afterRestart run once the server accepts connections again
     */
    QuickStartSupervisor(QuickStartServer server, Duration restartDelay, Runnable afterRestart) {
        this.server = server;
        this.restartDelay = restartDelay;
        this.afterRestart = afterRestart;
        this.thread = new Thread(this::watch, "quick-start-postgres-supervisor");
        this.thread.setDaemon(true);
    }

    void start() {
        log.info("Supervising the quick-start PostgreSQL (postmaster pid {}, port {})",
                server.postmasterPid().map(String::valueOf).orElse("?"), server.port());
        thread.start();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }

    private void watch() {
        try {
            while (running) {
                Thread.sleep(CHECK_INTERVAL.toMillis());
                var pid = server.postmasterPid();
                if (running && pid.isPresent() && dead(pid.get())) {
                    recover(pid.get());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void recover(long pid) throws InterruptedException {
        long down = System.nanoTime();
        log.error("The quick-start PostgreSQL died (postmaster pid {} is gone without a shutdown): restarting it in {} on the "
                + "same data directory {} and port {}", pid, restartDelay, server.dataDirectory(), server.port());
        var delay = restartDelay;
        var retry = FIRST_RETRY;
        for (int attempt = 1; running; attempt++) {
            Thread.sleep(delay.toMillis());
            awaitGone(pid);
            if (!running) {
                return;
            }
            try {
                server.restart(START_TIMEOUT);
                log.info("The quick-start PostgreSQL is back (postmaster pid {}) after {} ms down, attempt {}; it replayed its "
                        + "write-ahead log, so every acknowledged change is kept",
                        server.postmasterPid().map(String::valueOf).orElse("?"), (System.nanoTime() - down) / 1_000_000, attempt);
                afterRestart.run();
                return;
            } catch (IOException e) {
                delay = retry;
                retry = retry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : retry.multipliedBy(2);
                log.warn("Could not restart the quick-start PostgreSQL (attempt {}): {}; trying again in {}", attempt,
                        e.getMessage(), delay);
            }
        }
    }

    /**
     * Waits a while for a killed postmaster to be reaped: the server refuses to start while the process named in its
     * lock file exists, even as a zombie.
     */
    private void awaitGone(long pid) throws InterruptedException {
        for (int i = 0; i < 100 && running && ProcessHandle.of(pid).isPresent(); i++) {
            Thread.sleep(100);
        }
    }

    /**
     * Whether the process is gone. A killed process nobody has reaped yet still looks alive to Java, so on Linux its
     * state is read too ({@code Z}, a zombie, is dead).
     */
    private static boolean dead(long pid) {
        var process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        var stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            var text = Files.readString(stat);
            // "pid (command) state ...": the command may hold spaces and parentheses, the state follows the last ')'
            return text.substring(text.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
