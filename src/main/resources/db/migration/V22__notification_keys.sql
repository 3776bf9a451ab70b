-- Notifications stored before issue #14 keep their text: their message keys follow the keys' new names,
-- notification.<area>.<event> (by which a person chooses what reaches them where).
update notification set message_key = case message_key
    when 'reminder.due' then 'notification.reminder.due'
    when 'reminder.line' then 'notification.reminder.line'
    when 'notice.notification.issued' then 'notification.notice.issued'
    when 'notice.notification.replied' then 'notification.notice.replied'
    when 'notice.notification.returned' then 'notification.notice.returned'
    when 'notice.notification.closed' then 'notification.notice.closed'
    when 'notice.notification.escalated' then 'notification.notice.escalated'
    when 'report.notification.returned' then 'notification.report.returned'
    when 'report.notification.approved' then 'notification.report.approved'
    when 'extension.notification.requested' then 'notification.extension.requested'
    when 'extension.notification.approved' then 'notification.extension.approved'
    when 'extension.notification.rejected' then 'notification.extension.rejected'
    when 'signOff.notification.proposed' then 'notification.signOff.proposed'
    when 'signOff.notification.confirmed' then 'notification.signOff.confirmed'
    when 'signOff.notification.returned' then 'notification.signOff.returned'
    when 'signOff.notification.reopened' then 'notification.signOff.reopened'
    end
where message_key in ('reminder.due', 'reminder.line', 'notice.notification.issued', 'notice.notification.replied',
                      'notice.notification.returned', 'notice.notification.closed', 'notice.notification.escalated',
                      'report.notification.returned', 'report.notification.approved', 'extension.notification.requested',
                      'extension.notification.approved', 'extension.notification.rejected', 'signOff.notification.proposed',
                      'signOff.notification.confirmed', 'signOff.notification.returned', 'signOff.notification.reopened');
