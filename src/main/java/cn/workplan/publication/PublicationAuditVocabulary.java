package cn.workplan.publication;

import cn.workplan.audit.AuditVocabulary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the audit page shows a plan's public page: 政务公开, its fields named as on its form. */
@Configuration(proxyBeanMethods = false)
class PublicationAuditVocabulary {

    @Bean
    AuditVocabulary publicationAuditWords() {
        return AuditVocabulary.of(Publications.AUDIT_TYPE, "audit.type.PUBLICATION")
                .field("indexNumber", "publication.indexNumber")
                .field("publisher", "publication.publisher")
                .field("subject", "publication.subject")
                .field("showProgress", "publication.showProgress")
                .field("public", "publication.public");
    }
}
