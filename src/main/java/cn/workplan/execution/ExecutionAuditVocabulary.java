package cn.workplan.execution;

import cn.workplan.audit.AuditVocabulary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the audit page shows what carrying out a plan records: lines, reports, evidence, extension requests, sign-off,
 * and a plan's reporting settings and reminders, with their states by name.
 */
@Configuration(proxyBeanMethods = false)
class ExecutionAuditVocabulary {

    @Bean
    AuditVocabulary lineAuditWords() {
        return AuditVocabulary.of(AssignmentService.AUDIT_TYPE, "audit.type.ASSIGNMENT").field("milestone", "assignment.milestone");
    }

    @Bean
    AuditVocabulary reportAuditWords() {
        return AuditVocabulary.of(ProgressReports.AUDIT_TYPE, "audit.type.REPORT")
                .coded("state", ReportState.class, ReportState::messageKey)
                .coded("progress", Progress.class, Progress::messageKey)
                .field("progress", "report.progress")
                .field("percent", "report.percent")
                .field("narrative", "report.narrative");
    }

    @Bean
    AuditVocabulary evidenceAuditWords() {
        return AuditVocabulary.of(ProgressReports.EVIDENCE_AUDIT_TYPE, "audit.type.EVIDENCE")
                .coded("verification", code -> "evidence.checks." + code);
    }

    @Bean
    AuditVocabulary extensionAuditWords() {
        return AuditVocabulary.of(Extensions.AUDIT_TYPE, "audit.type.EXTENSION")
                .coded("state", ExtensionState.class, ExtensionState::messageKey);
    }

    @Bean
    AuditVocabulary signOffAuditWords() {
        return AuditVocabulary.of(SignOffs.AUDIT_TYPE, "audit.type.SIGN_OFF")
                .coded("state", SignOffState.class, SignOffState::messageKey);
    }

    /** A plan's reporting settings are the execution module's fields of the plan. */
    @Bean
    AuditVocabulary planReportingAuditWords() {
        return AuditVocabulary.of("PLAN", null).coded("reportCycle", ReportCycle.class, ReportCycle::messageKey);
    }
}
