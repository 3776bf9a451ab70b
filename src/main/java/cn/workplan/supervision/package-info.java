/**
 * Supervision notices (督办单): a leader or the supervision office (督导室) issues a numbered notice on a
 * task item of a published plan, or on one of its lines of responsibility, with a reply deadline; the recipient
 * office or school acknowledges (签收) and replies; the issuer or a leader closes it (办结) or sends the reply back;
 * a notice still without a reply after its deadline is escalated once to the deputy director in charge.
 * {@link cn.workplan.supervision.NoticeService} changes notices, {@link cn.workplan.supervision.NoticeQueries}
 * reads them, {@link cn.workplan.supervision.NoticePolicy} says who may do what; the module publishes
 * {@link cn.workplan.supervision.NoticeIssued}, {@link cn.workplan.supervision.NoticeReplied},
 * {@link cn.workplan.supervision.NoticeReturned}, {@link cn.workplan.supervision.NoticeClosed} and
 * {@link cn.workplan.supervision.NoticeEscalated} for whoever tells people about them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision")
package cn.workplan.supervision;
