/**
 * Notifications (通知): what the application tells a person, in its notification centre (the bell in the
 * navigation bar, {@code /notifications}), and where each person chose ({@link cn.workplan.notification.DeliveryPreferences}):
 * by e-mail and in the 企业微信 or 钉钉 group robot of their office, school or bureau ({@link cn.workplan.notification.Robots}),
 * at once or gathered into the next morning's digest ({@link cn.workplan.notification.DailyDigest}, fed by a
 * {@link cn.workplan.notification.DigestSource}).
 *
 * <p>Other modules call {@link cn.workplan.notification.Notifications#send}: a message key with its arguments
 * and an application path to open. The text is rendered when it is read, in the reader's language (Chinese in
 * e-mails and group messages). Messages leave through an outbox written in the sender's transaction and sent after the
 * commit, with retries ({@link cn.workplan.notification.Deliveries}). The module depends on nothing but {@code system},
 * so that any module may notify, {@code account} included; the pages that change its settings, audited, are the
 * {@code channel} module's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package cn.workplan.notification;
