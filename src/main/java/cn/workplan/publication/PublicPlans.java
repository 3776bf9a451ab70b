package cn.workplan.publication;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.workplan.execution.PlanStandings;
import cn.workplan.plan.PlanStatus;
import cn.workplan.plan.PublishedTexts;
import cn.workplan.plan.PublishedTexts.PublishedText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public may read, without logging in: the index of the bureau's public plans by year, and one public plan —
 * the document as published with its dated amendments ({@link PublishedTexts}) and, when the bureau chose so, the
 * quarterly progress table by chapter ({@link ProgressTable}). A plan is readable only while its publication is public
 * and the plan is published or closed; anything else is "not found". A fixed number of statements: the index one, a
 * page four (six with the table).
 */
@Service
@Transactional(readOnly = true)
public class PublicPlans {

    private static final List<String> READABLE = List.of(PlanStatus.PUBLISHED.name(), PlanStatus.CLOSED.name());

    private final JdbcClient jdbc;
    private final PublishedTexts texts;
    private final PlanStandings standings;

    PublicPlans(JdbcClient jdbc, PublishedTexts texts, PlanStandings standings) {
        this.jdbc = jdbc;
        this.texts = texts;
        this.standings = standings;
    }

    /** A plan on the index: its metadata as the disclosure page names it. */
    public record Listed(long planId, int year, String title, String documentNumber, LocalDate issueDate, String publisher,
            String indexNumber) {
    }

    /**
     * A public plan's page.
     *
     * @param progress the quarterly progress table, {@code null} when the bureau does not show it
     */
    public record PublicPlan(long planId, String indexNumber, String publisher, String subject, PublishedText text,
            ProgressTable progress) {
    }

    /** The public plans, newest year first. One statement. */
    public List<Listed> index() {
        return jdbc.sql("""
                select p.id, p.year, p.title, p.document_number, p.issue_date, pub.publisher, pub.index_number
                from publication pub join plan_view p on p.id = pub.plan_id
                where pub.public and p.status in (:readable)
                order by p.year desc, p.issue_date desc nulls last, p.id desc""")
                .param("readable", READABLE)
                .query((row, number) -> new Listed(row.getLong("id"), row.getInt("year"), row.getString("title"),
                        row.getString("document_number"), row.getObject("issue_date", LocalDate.class), row.getString("publisher"),
                        row.getString("index_number")))
                .list();
    }

    /** The plan's public page, or empty when it is not public. */
    public Optional<PublicPlan> plan(long planId) {
        var settings = jdbc.sql("""
                select pub.index_number, pub.publisher, pub.subject, pub.show_progress
                from publication pub join plan_view p on p.id = pub.plan_id
                where pub.plan_id = :plan and pub.public and p.status in (:readable)""")
                .param("plan", planId).param("readable", READABLE)
                .query((row, number) -> new Settings(row.getString("index_number"), row.getString("publisher"), row.getString("subject"),
                        row.getBoolean("show_progress")))
                .optional();
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        var text = texts.published(planId);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        ProgressTable progress = null;
        if (settings.get().showProgress()) {
            var day = standings.today();
            progress = ProgressTable.of(text.get().outline(), standings.items(standings.reporting(planId), day), day);
        }
        var shown = settings.get();
        return Optional.of(new PublicPlan(planId, shown.indexNumber(), shown.publisher(), shown.subject(), text.get(), progress));
    }

    private record Settings(String indexNumber, String publisher, String subject, boolean showProgress) {
    }
}
