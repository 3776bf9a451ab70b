package cn.workplan.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.extern.slf4j.Slf4j;

import cn.workplan.alignment.Alignments;
import cn.workplan.alignment.NewUpperDocument;
import cn.workplan.alignment.UpperDocuments;
import cn.workplan.document.DocumentImportException;
import cn.workplan.document.ImportOptions;
import cn.workplan.document.PlanImporter;
import cn.workplan.plan.NodeKind;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The city's work points the demo county carries out (云岭市教育局2026年工作要点 in a demo loaded in 2026, 34 points, a
 * header block as on a government information page), read by the plan importer from
 * {@code demo/yunling-2026-work-points.txt} with the year of the demo's plan, and saved as
 * an upper-level document, with the demo plan's items linked to the points they carry out: twenty points covered, two
 * items on two points each, two links left to the drafting page's suggestions (防溺水, 经费), twelve points without an
 * item.
 */
@Slf4j
@Component
class DemoUpperDocument {

    static final String RESOURCE = "demo/yunling-2026-work-points.txt";

    /** The demo plan's items (by headline) and the city's points (by number) they carry out. */
    private static final Map<String, List<String>> LINKS = Map.ofEntries(
            Map.entry("深入学习贯彻党的二十大精神。", List.of("1")),
            Map.entry("加强基层党组织建设。", List.of("2")),
            Map.entry("持续正风肃纪。", List.of("3")),
            Map.entry("扩充普惠性学前教育资源。", List.of("5")),
            Map.entry("提升幼儿园保教质量。", List.of("6")),
            Map.entry("巩固义务教育控辍保学成果。", List.of("7")),
            Map.entry("推进集团化办学。", List.of("8", "9")),
            Map.entry("做好课后服务工作。", List.of("10", "23")),
            Map.entry("推进普通高中多样化特色发展。", List.of("11")),
            Map.entry("深化产教融合。", List.of("12")),
            Map.entry("加强师德师风建设。", List.of("14")),
            Map.entry("推进县域内教师交流轮岗。", List.of("15")),
            Map.entry("实施教师能力提升工程。", List.of("16")),
            Map.entry("推进教育数字化转型。", List.of("18")),
            Map.entry("加强体育美育劳动教育。", List.of("19")),
            Map.entry("规范招生入学秩序。", List.of("21")),
            Map.entry("落实校园安全责任。", List.of("24")),
            Map.entry("开展责任督学挂牌督导。", List.of("28")));

    private final PlanImporter importer;
    private final UpperDocuments documents;
    private final Alignments alignments;
    private final JdbcClient jdbc;

    DemoUpperDocument(PlanImporter importer, UpperDocuments documents, Alignments alignments, JdbcClient jdbc) {
        this.importer = importer;
        this.documents = documents;
        this.alignments = alignments;
        this.jdbc = jdbc;
    }

    /** Saves the city's document of the year and links the plan's items to it; returns the document's id. */
    long load(long planId, int year) {
        var parsed = read(year).plan();
        var nodes = parsed.allNodes().stream().map(node -> new NewUpperDocument.Node(node.kind(), node.headline(), node.body())).toList();
        var stored = documents.store(new NewUpperDocument(year, parsed.title(), parsed.publisher(), parsed.documentNumber(),
                parsed.issueDate(), parsed.preamble(), parsed.numbering(), "", nodes));
        var points = new HashMap<String, Long>();
        jdbc.sql("select id, reference from upper_point where document_id = :document and kind = :kind")
                .param("document", stored.id()).param("kind", NodeKind.ITEM.name())
                .query(row -> {
                    points.put(row.getString("reference"), row.getLong("id"));
                });
        var links = new ArrayList<Alignments.Link>();
        jdbc.sql("select id, headline from plan_node where plan_id = :plan and kind = :kind")
                .param("plan", planId).param("kind", NodeKind.ITEM.name())
                .query(row -> {
                    long item = row.getLong("id");
                    LINKS.getOrDefault(row.getString("headline"), List.of())
                            .forEach(point -> links.add(new Alignments.Link(points.get(point), item)));
                });
        int added = alignments.store(planId, links);
        log.info("Demo upper-level document #{} {}: {} points, {} links to plan #{}", stored.id(), parsed.title(), stored.points(), added,
                planId);
        return stored.id();
    }

    /** The document as the city would have issued it for the year (the resource is written for 2026). */
    private cn.workplan.document.ImportResult read(int year) {
        try (var in = new ClassPathResource(RESOURCE).getInputStream()) {
            var text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("2026", String.valueOf(year));
            return importer.importText(text, ImportOptions.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        } catch (DocumentImportException e) {
            throw new IllegalStateException("the demo's upper-level document does not read: " + e.getMessage(), e);
        }
    }
}
