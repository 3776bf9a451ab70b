/**
 * Notifications (通知): what the application tells a person, in its notification centre (the bell in the
 * navigation bar, {@code /notifications}) and, where an SMTP server and the person's e-mail address are
 * configured, by e-mail.
 *
 * <p>Other modules call {@link cn.workplan.notification.Notifications#send}: a message key with its arguments
 * and an application path to open. The text is rendered when it is read, in the reader's language (Chinese in
 * e-mails). The module depends on nothing but {@code system}, so that any module may notify, {@code account}
 * included.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package cn.workplan.notification;
