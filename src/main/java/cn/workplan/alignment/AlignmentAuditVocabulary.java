package cn.workplan.alignment;

import cn.workplan.audit.AuditVocabulary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the audit page shows upper-level documents and links (对标): their kinds by name; the fields are audit.field.*. */
@Configuration(proxyBeanMethods = false)
class AlignmentAuditVocabulary {

    @Bean
    AuditVocabulary upperDocumentAuditWords() {
        return AuditVocabulary.of(UpperDocuments.AUDIT_TYPE, "audit.type.UPPER_DOCUMENT");
    }

    @Bean
    AuditVocabulary alignmentAuditWords() {
        return AuditVocabulary.of(Alignments.AUDIT_TYPE, "audit.type.ALIGNMENT");
    }
}
