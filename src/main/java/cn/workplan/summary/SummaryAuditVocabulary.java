package cn.workplan.summary;

import cn.workplan.audit.AuditVocabulary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the audit page shows drafted reports: their kind by name. */
@Configuration(proxyBeanMethods = false)
class SummaryAuditVocabulary {

    @Bean
    AuditVocabulary summaryAuditWords() {
        return AuditVocabulary.of(Summaries.AUDIT_TYPE, "audit.type.SUMMARY").coded("kind", SummaryKind.class, SummaryKind::messageKey);
    }
}
