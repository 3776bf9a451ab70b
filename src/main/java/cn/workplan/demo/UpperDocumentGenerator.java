package cn.workplan.demo;

import java.util.ArrayList;
import java.util.List;

import lombok.extern.slf4j.Slf4j;

import cn.workplan.alignment.Alignments;
import cn.workplan.alignment.NewUpperDocument;
import cn.workplan.alignment.UpperDocuments;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.Numbering;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates an upper-level document for a plan, for measurements: a city's work points of {@code points} points in
 * eight chapters, worded after the plan's own items (every few items give a point its headline), and the plan's items
 * linked to them — item k to point k mod points, and every fourth item to the next point too. Runs after
 * {@link VolumeDataGenerator}, only when asked:
 * {@code --workplan.generate.upper.points=100} (the newest plan) or {@code --workplan.generate.upper.plan=<id>}.
 */
@Slf4j
@Component
@Order(DemoDataLoader.ORDER + 2)
@EnableConfigurationProperties(UpperDocumentGenerator.Settings.class)
public class UpperDocumentGenerator implements ApplicationRunner {

    private static final String[] CHAPTERS = {"坚持党建统领，全面加强党对教育工作的领导", "推进优质均衡，扩大优质教育资源供给",
            "建设高素质专业化教师队伍", "深化教育教学改革", "守牢校园安全底线", "提升教育治理能力", "促进教育公平", "办好人民满意的教育"};

    /**
     * What to generate.
     *
     * @param points how many points the document has; 0: none is generated
     * @param plan   the plan to link; 0: the newest plan
     */
    @ConfigurationProperties("workplan.generate.upper")
    public record Settings(@DefaultValue("0") int points, @DefaultValue("0") long plan) {
    }

    /** What was generated. */
    public record Generated(long documentId, int points, int links) {
    }

    private final Settings settings;
    private final UpperDocuments documents;
    private final Alignments alignments;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    UpperDocumentGenerator(Settings settings, UpperDocuments documents, Alignments alignments, JdbcClient jdbc,
            PlatformTransactionManager transactionManager) {
        this.settings = settings;
        this.documents = documents;
        this.alignments = alignments;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.points() > 0) {
            long plan = settings.plan() > 0 ? settings.plan()
                    : jdbc.sql("select max(id) from plan").query(Long.class).optional().orElseThrow(
                            () -> new IllegalStateException("workplan.generate.upper: no plan to link"));
            var generated = generate(plan, settings.points());
            log.info("Generated upper-level document #{} of {} points with {} links to plan #{}", generated.documentId(),
                    generated.points(), generated.links(), plan);
        }
    }

    /** A document of {@code points} points in the plan's year, its items linked to them; one transaction. */
    public Generated generate(long planId, int points) {
        return transactions.execute(status -> {
            var plan = jdbc.sql("select year, title from plan where id = :plan").param("plan", planId)
                    .query((row, number) -> new Object[] {row.getInt("year"), row.getString("title")}).single();
            int year = (Integer) plan[0];
            var items = jdbc.sql("""
                    select n.id, n.headline from plan_node n where n.plan_id = :plan and n.kind = :kind
                    order by n.id""").param("plan", planId).param("kind", NodeKind.ITEM.name())
                    .query((row, number) -> new Object[] {row.getLong("id"), row.getString("headline")}).list();
            var nodes = new ArrayList<NewUpperDocument.Node>();
            int perChapter = Math.max(1, (points + CHAPTERS.length - 1) / CHAPTERS.length);
            for (int i = 0; i < points; i++) {
                if (i % perChapter == 0) {
                    nodes.add(new NewUpperDocument.Node(NodeKind.CHAPTER, CHAPTERS[(i / perChapter) % CHAPTERS.length], ""));
                }
                var headline = items.isEmpty() ? "推进第" + (i + 1) + "项重点工作"
                        : ((String) items.get((int) ((long) i * items.size() / points))[1]).replaceAll("。$", "");
                nodes.add(new NewUpperDocument.Node(NodeKind.ITEM, headline,
                        "各县（市、区）要结合实际，细化工作措施，明确责任单位和完成时限，确保" + headline + "取得实效。"));
            }
            var title = "云岭市教育局" + year + "年工作要点（生成" + points + "条，" + java.util.UUID.randomUUID().toString().substring(0, 8) + "）";
            var stored = documents.store(new NewUpperDocument(year, title, "云岭市教育局", "云教发〔" + year + "〕" + points + "号", null,
                    year + "年全市教育工作的总体要求。", Numbering.CONTINUOUS, "", nodes));
            var pointIds = jdbc.sql("select id from upper_point where document_id = :document and linkable order by position")
                    .param("document", stored.id()).query(Long.class).list();
            var links = new ArrayList<Alignments.Link>();
            for (int k = 0; k < items.size(); k++) {
                long item = (Long) items.get(k)[0];
                links.add(new Alignments.Link(pointIds.get(k % pointIds.size()), item));
                if (k % 4 == 3 && pointIds.size() > 1) {
                    links.add(new Alignments.Link(pointIds.get((k + 1) % pointIds.size()), item));
                }
            }
            int added = alignments.store(planId, List.copyOf(links));
            return new Generated(stored.id(), stored.points(), added);
        });
    }
}
