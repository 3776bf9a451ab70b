package cn.workplan.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** Reads the audit record for the administrators' audit page: one page query and one count. */
@Service
@Transactional(readOnly = true)
public class AuditQueries {

    public static final int PAGE_SIZE = 50;

    private final AuditEventRepository events;
    private final Clock clock;

    AuditQueries(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public Page<AuditEntry> search(AuditFilter filter, int page) {
        var request = PageRequest.of(Math.max(page, 0), PAGE_SIZE,
                Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id")));
        return events.findAll(matching(filter), request).map(AuditEntry::of);
    }

    /** The latest entries of all, newest first. */
    public List<AuditEntry> recent(int limit) {
        return events.findAll(PageRequest.of(0, limit, Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"))))
                .map(AuditEntry::of).getContent();
    }

    /** The latest entries about one record, newest first. */
    public List<AuditEntry> history(String entityType, long entityId, int limit) {
        Specification<AuditEvent> spec = (root, query, cb) -> cb.and(
                cb.equal(root.get("entityType"), entityType), cb.equal(root.get("entityId"), entityId));
        return events.findAll(spec, PageRequest.of(0, limit, Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"))))
                .map(AuditEntry::of).getContent();
    }

    private Specification<AuditEvent> matching(AuditFilter filter) {
        var zone = clock.getZone();
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (StringUtils.hasText(filter.actor())) {
                where.add(cb.equal(root.get("actor"), filter.actor().trim()));
            }
            if (StringUtils.hasText(filter.entityType())) {
                where.add(cb.equal(root.get("entityType"), filter.entityType()));
            }
            if (filter.action() != null) {
                where.add(cb.equal(root.get("action"), filter.action()));
            }
            if (filter.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), filter.from().atStartOfDay(zone).toInstant()));
            }
            if (filter.to() != null) {
                where.add(cb.lessThan(root.get("occurredAt"), filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
