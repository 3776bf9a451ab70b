/**
 * Notification channels (通知渠道): the pages where the administrator sets the group robots of 企业微信 and 钉钉 (one for
 * the bureau, per office, per school) and sees, and sends again, the messages that could not be delivered, and where
 * each person chooses what reaches them where (通知设置). The delivery itself is the {@code notification} module's; this
 * module puts its settings on pages and records every change in the audit log, which {@code notification}, on which
 * every module may depend, must not use.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification channels")
package cn.workplan.channel;
