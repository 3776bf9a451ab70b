package cn.workplan.supervision;

import cn.workplan.audit.AuditVocabulary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the audit page shows supervision notices: their state by name. */
@Configuration(proxyBeanMethods = false)
class NoticeAuditVocabulary {

    @Bean
    AuditVocabulary noticeAuditWords() {
        return AuditVocabulary.of(NoticeService.AUDIT_TYPE, "audit.type.NOTICE").coded("state", NoticeState.class, NoticeState::messageKey);
    }
}
