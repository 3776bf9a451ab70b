/**
 * The audit record (全程留痕): who created, changed or deactivated what, and when. Other modules call
 * {@link cn.workplan.audit.AuditTrail} inside their own transaction, so an entry exists exactly when
 * the change it describes was committed. {@link cn.workplan.audit.AuditQueries} reads the entries for the 操作日志
 * page, whose words for each module's codes come from that module's {@link cn.workplan.audit.AuditVocabulary} bean.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package cn.workplan.audit;
