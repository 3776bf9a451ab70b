package cn.workplan.alignment;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.workplan.account.CurrentUser;
import cn.workplan.audit.AuditAction;
import cn.workplan.audit.AuditTrail;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.NotFoundException;
import cn.workplan.system.StaleEditException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps upper-level documents (上级文件): saves one as read (the import's preview) or generated, numbered once and frozen
 * ({@link UpperOutline}); corrects its header (title, issuing body, document number, dates); deletes it with its links.
 * One document per year and title. The points are never edited: the document is the city's. Every change is audited
 * ({@code UPPER_DOCUMENT}) and logged.
 */
@Service
@Transactional
public class UpperDocuments {

    static final String AUDIT_TYPE = "UPPER_DOCUMENT";
    private static final Logger log = LoggerFactory.getLogger(UpperDocuments.class);

    private final JdbcClient jdbc;
    /** Only for the batch insert of a document's points: JdbcClient has no batch API, and a document has hundreds of them. */
    private final JdbcTemplate jdbcTemplate;
    private final AlignmentPolicy policy;
    private final AuditTrail audit;

    UpperDocuments(JdbcClient jdbc, JdbcTemplate jdbcTemplate, AlignmentPolicy policy, AuditTrail audit) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.policy = policy;
        this.audit = audit;
    }

    /** What was saved: the document and how many points (要点) it has. */
    public record Stored(long id, int points) {
    }

    /**
     * Saves a document as read or generated, in the caller's transaction; the caller has decided who may (the import
     * checks the general office, the demo and the generator run as the system). Refused as a whole, with a message, when
     * its header or outline does not fit.
     */
    public Stored store(NewUpperDocument document) {
        var title = document.title() == null ? "" : document.title().strip();
        check(document.year(), title, document.issuer(), document.documentNumber());
        var placed = UpperOutline.place(document.nodes(), document.numbering());
        if (titleTaken(document.year(), title, 0)) {
            throw duplicate(document.year(), title);
        }
        long id;
        try {
            id = jdbc.sql("""
                    insert into upper_document (year, title, issuer, document_number, issue_date, preamble, numbering, source, created_by)
                    values (:year, :title, :issuer, :number, :issueDate, :preamble, :numbering, :source, :by) returning id""")
                    .param("year", document.year()).param("title", title).param("issuer", strip(document.issuer()))
                    .param("number", blankToNull(document.documentNumber())).param("issueDate", document.issueDate())
                    .param("preamble", strip(document.preamble())).param("numbering", document.numbering().name())
                    .param("source", shorten(strip(document.source()), 255)).param("by", Actors.current())
                    .query(Long.class).single();
        } catch (DataIntegrityViolationException e) {
            throw duplicate(document.year(), title);
        }
        // ids taken from the identity first, so that every node names its parent in one batch
        var ids = jdbc.sql("select nextval(pg_get_serial_sequence('upper_point', 'id')) from generate_series(1, :count)")
                .param("count", placed.size()).query(Long.class).list();
        var batch = new java.util.ArrayList<Object[]>(placed.size());
        for (int i = 0; i < placed.size(); i++) {
            var one = placed.get(i);
            batch.add(new Object[] {ids.get(i), id, one.parent() < 0 ? null : ids.get(one.parent()), one.node().kind().name(), i,
                    one.label(), one.reference(), one.node().headline(), one.node().body(), one.linkable()});
        }
        jdbcTemplate.batchUpdate("""
                insert into upper_point (id, document_id, parent_id, kind, position, label, reference, headline, body, linkable)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch);
        int points = (int) placed.stream().filter(UpperOutline.Placed::linkable).count();
        var state = new LinkedHashMap<String, Object>();
        state.put("year", document.year());
        state.put("title", title);
        state.put("issuer", strip(document.issuer()));
        state.put("documentNumber", blankToNull(document.documentNumber()));
        state.put("issueDate", document.issueDate());
        state.put("points", points);
        audit.record(AuditAction.IMPORT, AUDIT_TYPE, id, title, Map.of(), state);
        log.info("{} saved the upper-level document #{} {} ({} points)", Actors.current(), id, title, points);
        return new Stored(id, points);
    }

    /** Corrects the header: year, title, issuing body, document number, issue date. The general office and administrators. */
    public void update(long id, UpperDocumentData data, CurrentUser user) {
        policy.checkWritesDocuments(user);
        var current = lock(id);
        StaleEditException.check(AUDIT_TYPE, id, data.version(), current.version());
        var title = data.title() == null ? "" : data.title().strip();
        int year = data.year() == null ? 0 : data.year();
        check(year, title, data.issuer(), data.documentNumber());
        if (titleTaken(year, title, id)) {
            throw duplicate(year, title);
        }
        jdbc.sql("""
                update upper_document set year = :year, title = :title, issuer = :issuer, document_number = :number,
                       issue_date = :issueDate, version = version + 1
                where id = :id""")
                .param("year", year).param("title", title).param("issuer", strip(data.issuer()))
                .param("number", blankToNull(data.documentNumber())).param("issueDate", data.issueDate()).param("id", id)
                .update();
        audit.updated(AUDIT_TYPE, id, title, current.state(), state(year, title, strip(data.issuer()), blankToNull(data.documentNumber()),
                data.issueDate()));
        log.info("{} corrected the header of the upper-level document #{} {}", user.getUsername(), id, title);
    }

    /**
     * Deletes the document and its links (the items stay). Refused while an upward report (贯彻落实情况报告) follows it: the
     * report would lose what it was drafted from.
     */
    public void delete(long id, Long version, CurrentUser user) {
        policy.checkWritesDocuments(user);
        var current = lock(id);
        StaleEditException.check(AUDIT_TYPE, id, version, current.version());
        int links = jdbc.sql("select count(*) from alignment a join upper_point p on p.id = a.point_id where p.document_id = :id")
                .param("id", id).query(Integer.class).single();
        var before = current.state();
        before.put("links", links);
        audit.record(AuditAction.DELETE, AUDIT_TYPE, id, current.title(), before, Map.of());
        try {
            jdbc.sql("delete from upper_document where id = :id").param("id", id).update();
        } catch (DataIntegrityViolationException e) {
            // a drafted report refers to it (summary.upper_document_id): the statement failed, the transaction rolls back
            throw new InvalidInputException("document", "upper.error.usedByReport");
        }
        log.info("{} deleted the upper-level document #{} {} and its {} link(s)", user.getUsername(), id, current.title(), links);
    }

    private record Current(long id, int year, String title, String issuer, String documentNumber, LocalDate issueDate, long version) {

        Map<String, Object> state() {
            return UpperDocuments.state(year, title, issuer, documentNumber, issueDate);
        }
    }

    private Current lock(long id) {
        return jdbc.sql("select id, year, title, issuer, document_number, issue_date, version from upper_document where id = :id for update")
                .param("id", id)
                .query((row, number) -> new Current(row.getLong("id"), row.getInt("year"), row.getString("title"), row.getString("issuer"),
                        row.getString("document_number"), row.getObject("issue_date", LocalDate.class), row.getLong("version")))
                .optional().orElseThrow(() -> new NotFoundException("upper document", id));
    }

    private static Map<String, Object> state(int year, String title, String issuer, String documentNumber, LocalDate issueDate) {
        var state = new LinkedHashMap<String, Object>();
        state.put("year", year);
        state.put("title", title);
        state.put("issuer", issuer);
        state.put("documentNumber", documentNumber);
        state.put("issueDate", issueDate);
        return state;
    }

    private boolean titleTaken(int year, String title, long except) {
        return jdbc.sql("select exists (select 1 from upper_document where year = :year and title = :title and id <> :except)")
                .param("year", year).param("title", title).param("except", except).query(Boolean.class).single();
    }

    private static void check(int year, String title, String issuer, String documentNumber) {
        if (title.isEmpty()) {
            throw new InvalidInputException("title", "document.import.error.noTitle");
        }
        if (title.length() > 200) {
            throw new InvalidInputException("title", "document.import.error.titleTooLong", 200);
        }
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "document.import.error.year", 2000, 2100);
        }
        if (issuer != null && issuer.strip().length() > 100) {
            throw new InvalidInputException("issuer", "upper.error.issuerTooLong", 100);
        }
        if (documentNumber != null && documentNumber.strip().length() > 60) {
            throw new InvalidInputException("documentNumber", "plan.error.documentNumberTooLong", 60);
        }
    }

    private static InvalidInputException duplicate(int year, String title) {
        return new InvalidInputException("title", "upper.error.duplicateTitle", year, title);
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String shorten(String text, int length) {
        return text.length() > length ? text.substring(0, length) : text;
    }

}
