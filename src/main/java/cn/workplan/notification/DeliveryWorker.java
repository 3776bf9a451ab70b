package cn.workplan.notification;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs {@link Deliveries#deliverDue()} on a thread of its own: right after a transaction that queued messages commits
 * (so a message leaves within moments, and the person's request never waits for it), and every
 * {@code workplan.notifications.delivery.interval} (15 s) on every instance, for retries and for what another instance
 * queued. At most one run at a time on an instance, and one more waiting: whatever a waiting run would send, it
 * finds then. The instances need no lock between them: the rows are claimed with {@code skip locked}.
 */
@Component
class DeliveryWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Deliveries deliveries;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1),
            task -> {
                var thread = new Thread(task, "notification-delivery");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    DeliveryWorker(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @TransactionalEventListener
    void on(Outbox.Queued queued) {
        wake();
    }

    @Scheduled(fixedDelayString = "${workplan.notifications.delivery.interval:15s}",
            initialDelayString = "${workplan.notifications.delivery.interval:15s}")
    void poll() {
        wake();
    }

    /** Asks for a run soon; a run already waiting makes this one unnecessary. */
    void wake() {
        if (executor.isShutdown()) {
            return;
        }
        executor.execute(() -> {
            try {
                deliveries.deliverDue();
            } catch (RuntimeException e) {
                // the database away, say: the next wake-up tries again, nothing is lost
                log.warn("Delivering notifications failed: {}", e.toString());
            }
        });
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("Delivering notifications did not finish before shutdown; what was claimed is sent again later");
            executor.shutdownNow();
        }
    }
}
