/**
 * The audit record: who created, changed or deactivated what, and when. Other modules call
 * {@link cn.workplan.audit.AuditTrail} inside their own transaction, so an entry exists exactly when
 * the change it describes was committed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package cn.workplan.audit;
