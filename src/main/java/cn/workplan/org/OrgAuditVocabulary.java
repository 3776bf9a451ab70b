package cn.workplan.org;

import cn.workplan.audit.AuditVocabulary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the audit page names offices and schools; their entries keep names, not codes. */
@Configuration(proxyBeanMethods = false)
class OrgAuditVocabulary {

    @Bean
    AuditVocabulary officeAuditWords() {
        return AuditVocabulary.of(OfficeService.AUDIT_TYPE, "audit.type.OFFICE");
    }

    @Bean
    AuditVocabulary schoolAuditWords() {
        return AuditVocabulary.of(SchoolService.AUDIT_TYPE, "audit.type.SCHOOL");
    }
}
