package cn.workplan.support;

import java.time.Duration;
import java.util.Arrays;

/**
 * Waits for the application's background threads to finish what they were given: a test that watches what one request
 * writes must not see what a thread woken by an earlier request writes meanwhile (the notification outbox's sender
 * runs after every commit that queued a message, on a thread of its own).
 */
public final class BackgroundThreads {

    private BackgroundThreads() {
    }

    /**
     * Returns once no live thread with the name is running a task: each is parked in its pool waiting for the next
     * one, or gone. Gives up quietly after the time (a sender still waiting on a dead address, say).
     */
    public static void awaitIdle(String threadName, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline && Thread.getAllStackTraces().entrySet().stream()
                .anyMatch(entry -> entry.getKey().getName().equals(threadName) && !waitingForWork(entry.getKey(), entry.getValue()))) {
            Thread.sleep(20);
        }
    }

    private static boolean waitingForWork(Thread thread, StackTraceElement[] stack) {
        return !thread.isAlive() || (thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING)
                && Arrays.stream(stack).anyMatch(frame -> frame.getClassName().equals("java.util.concurrent.ThreadPoolExecutor")
                        && frame.getMethodName().equals("getTask"));
    }
}
