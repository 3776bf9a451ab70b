package cn.workplan.notification;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notifications leave the application ({@code workplan.notifications.*}). The jobs' times are read by their
 * annotations: {@code workplan.notifications.delivery.interval} (how often each instance looks for due messages),
 * {@code workplan.notifications.delivery.cleanup-cron} and {@code workplan.notifications.digest.cron}.
 */
@ConfigurationProperties("workplan.notifications")
public record NotificationProperties(@DefaultValue Delivery delivery, @DefaultValue Robots robots, @DefaultValue Digest digest) {

    /**
     * The outbox's sender.
     *
     * @param batch            messages claimed at once (e-mails in one connection to the server)
     * @param firstRetry       the wait after a first failure; it doubles with every further one
     * @param maxRetryInterval the longest wait between two attempts
     * @param giveUpAfter      after this long since it was queued, a message that fails again is given up (shown to the
     *                         administrator, who may send it again)
     * @param timeout          how long a group robot's server gets to connect, and again to answer
     * @param keepSent         how long sent messages are kept in the outbox
     * @param keepFailed       how long given-up messages are kept
     */
    public record Delivery(@DefaultValue("50") int batch, @DefaultValue("30s") Duration firstRetry,
            @DefaultValue("1h") Duration maxRetryInterval, @DefaultValue("24h") Duration giveUpAfter,
            @DefaultValue("10s") Duration timeout, @DefaultValue("7d") Duration keepSent, @DefaultValue("30d") Duration keepFailed) {

        public Delivery {
            if (batch < 1 || firstRetry.isNegative() || firstRetry.isZero() || maxRetryInterval.compareTo(firstRetry) < 0) {
                throw new IllegalArgumentException("workplan.notifications.delivery: batch >= 1 and 0 < first-retry <= max-retry-interval");
            }
        }
    }

    /**
     * The group robots.
     *
     * @param wecomAddress    the address of 企业微信's robot webhooks (before {@code ?key=}); another for a private
     *                        deployment such as 政务微信
     * @param dingtalkAddress the address of 钉钉's robot webhooks (before {@code ?access_token=})
     * @param pace            the least time between two messages to one robot: both platforms take 20 a minute and
     *                        then refuse (钉钉 for ten minutes); what waits meanwhile goes out together in the next one
     * @param messageBytes    the most UTF-8 bytes of a message's Markdown (企业微信 takes 4096)
     */
    public record Robots(@DefaultValue("https://qyapi.weixin.qq.com/cgi-bin/webhook/send") URI wecomAddress,
            @DefaultValue("https://oapi.dingtalk.com/robot/send") URI dingtalkAddress, @DefaultValue("4s") Duration pace,
            @DefaultValue("4000") int messageBytes) {
    }

    /**
     * The daily digest (每日待办).
     *
     * @param maxItems the most entries one digest lists; the rest are counted
     */
    public record Digest(@DefaultValue("20") int maxItems) {
    }
}
