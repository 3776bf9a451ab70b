package cn.workplan.plan;

import cn.workplan.audit.AuditVocabulary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the audit page shows plans and their outlines: statuses, kinds and numbering by name; the nodes by their kind
 * (一级标题, 任务 ...), a task item's fields named as on its form.
 */
@Configuration(proxyBeanMethods = false)
class PlanAuditVocabulary {

    @Bean
    AuditVocabulary planAuditWords() {
        return AuditVocabulary.of(PlanService.AUDIT_TYPE, "audit.type.PLAN")
                .coded("status", PlanStatus.class, PlanStatus::messageKey)
                .coded("kind", PlanKind.class, PlanKind::messageKey)
                .coded("numbering", Numbering.class, Numbering::messageKey)
                .field("numbering", "plan.numbering")
                .field("preamble", "plan.preamble");
    }

    @Bean
    AuditVocabulary chapterAuditWords() {
        return AuditVocabulary.of(NodeKind.CHAPTER.name(), NodeKind.CHAPTER.messageKey());
    }

    @Bean
    AuditVocabulary sectionAuditWords() {
        return AuditVocabulary.of(NodeKind.SECTION.name(), NodeKind.SECTION.messageKey());
    }

    @Bean
    AuditVocabulary pointAuditWords() {
        return AuditVocabulary.of(NodeKind.POINT.name(), NodeKind.POINT.messageKey());
    }

    @Bean
    AuditVocabulary itemAuditWords() {
        return AuditVocabulary.of(NodeKind.ITEM.name(), NodeKind.ITEM.messageKey())
                .coded("deadlineKind", DeadlineKind.class, DeadlineKind::messageKey)
                .field("headline", "item.field.headline")
                .field("body", "item.field.body")
                .field("leadOffice", "item.field.leadOfficeId")
                .field("cooperatingOffices", "item.field.cooperatingOfficeIds")
                .field("schools", "item.field.schoolIds")
                .field("targets", "item.field.targets")
                .field("deadline", "item.field.deadline")
                .field("q1", "item.field.q1")
                .field("q2", "item.field.q2")
                .field("q3", "item.field.q3")
                .field("q4", "item.field.q4")
                .field("keyItem", "item.field.keyItem")
                .field("tags", "item.field.tags")
                .field("answer", "comment.answer");
    }
}
