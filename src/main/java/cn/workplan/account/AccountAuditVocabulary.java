package cn.workplan.account;

import cn.workplan.audit.AuditVocabulary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the audit page shows accounts: the role by its name. */
@Configuration(proxyBeanMethods = false)
class AccountAuditVocabulary {

    @Bean
    AuditVocabulary accountAuditWords() {
        return AuditVocabulary.of(AccountService.AUDIT_TYPE, "audit.type.USER").coded("role", Role.class, Role::messageKey);
    }
}
