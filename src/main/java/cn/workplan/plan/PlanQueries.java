package cn.workplan.plan;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Comparator;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.org.OfficeService;
import cn.workplan.org.SchoolService;
import cn.workplan.system.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of plans: the plan list, the numbered outline (which the editor, the document view and
 * the task table all read) and search. Each screen costs a fixed number of SQL statements, whatever the
 * size of the plan: the header, the nodes, the cooperating offices and the office names.
 */
@Service
@Transactional(readOnly = true)
public class PlanQueries {

    private final JdbcClient jdbc;
    private final OfficeService offices;
    private final SchoolService schools;
    private final java.time.Clock clock;

    PlanQueries(JdbcClient jdbc, OfficeService offices, SchoolService schools, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.offices = offices;
        this.schools = schools;
        this.clock = clock;
    }

    /** Today in the bureau's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The plan being carried out among these (newest first, as {@link #list} gives them): the newest published plan of
     * this year or before; else the newest published one; else the newest that is not closed (one being drafted).
     * Never a newer draft while a plan is being carried out.
     */
    public static java.util.Optional<PlanSummary> current(List<PlanSummary> plans, LocalDate today) {
        return plans.stream().filter(plan -> plan.status() == PlanStatus.PUBLISHED && plan.year() <= today.getYear()).findFirst()
                .or(() -> plans.stream().filter(plan -> plan.status() == PlanStatus.PUBLISHED).findFirst())
                .or(() -> plans.stream().filter(plan -> plan.status() != PlanStatus.CLOSED).findFirst());
    }

    /** Plans the person may see, newest year first. */
    public List<PlanSummary> list(CurrentUser user) {
        return jdbc.sql("""
                select p.id, p.year, p.title, p.kind, p.status, p.document_number, p.issue_date,
                       count(n.id) filter (where n.kind = 'ITEM') as item_count,
                       count(n.id) filter (where n.kind = 'ITEM' and n.key_item) as key_item_count
                  from plan p left join plan_node n on n.plan_id = p.id
                 where (:all or p.status in ('PUBLISHED', 'CLOSED'))
                 group by p.id
                 order by p.year desc, p.id desc""")
                .param("all", !user.is(Role.PRINCIPAL))
                .query(PlanSummary.class).list();
    }

    public PlanHeader header(long planId, CurrentUser user) {
        var header = jdbc.sql("""
                select p.id, p.year, p.title, p.kind, p.preamble, p.numbering, p.status, p.document_number, p.issue_date,
                       p.origin_plan_id, o.title as origin_title, p.version, p.first_chapter, p.first_item
                  from plan p left join plan o on o.id = p.origin_plan_id
                 where p.id = :id""")
                .param("id", planId)
                .query(HeaderRow.class).optional()
                .map(row -> row.header(user))
                .orElseThrow(() -> new NotFoundException("plan", planId));
        if (!PlanPolicy.canView(header.status(), user)) {
            throw new NotFoundException("plan", planId);
        }
        return header;
    }

    private record HeaderRow(long id, int year, String title, PlanKind kind, String preamble, Numbering numbering,
            PlanStatus status, String documentNumber, LocalDate issueDate, Long originPlanId, String originTitle, long version,
            int firstChapter, int firstItem) {

        PlanHeader header(CurrentUser user) {
            return new PlanHeader(id, year, title, kind, preamble, numbering, status, documentNumber, issueDate, originPlanId,
                    originTitle, version, PlanPolicy.permissions(status, user), firstChapter, firstItem);
        }
    }

    /** The plan with all its nodes numbered, in document order: four SQL statements. */
    public Outline outline(long planId, CurrentUser user) {
        return outline(planId, user, """
                (select count(*) from plan_item_school s where s.node_id = n.id) as school_count,
                (select count(*) from plan_comment c where c.node_id = n.id) as comment_count, n.body""");
    }

    /**
     * The outline without the nodes' bodies and without counting their schools and comments (zero in the nodes):
     * numbers, headlines, offices, deadlines, for dashboards that show a large plan's items by number and headline.
     */
    public Outline skeleton(long planId, CurrentUser user) {
        return outline(planId, user, "0 as school_count, 0 as comment_count, null as body");
    }

    private Outline outline(long planId, CurrentUser user, String extraColumns) {
        var header = header(planId, user);
        var rows = jdbc.sql("""
                select n.id, n.parent_id, n.kind, n.position, n.headline, n.lead_office_id, n.key_item,
                       n.deadline_kind, n.deadline, n.q1, n.q2, n.q3, n.q4, n.tags, n.carried_from_id,
                       n.completed_at is not null as completed, n.version, %s
                  from plan_node n where n.plan_id = :plan""".formatted(extraColumns))
                .param("plan", planId)
                .query((rs, row) -> nodeRow(rs)).list();
        var cooperating = new HashMap<Long, List<Long>>();
        jdbc.sql("""
                select o.node_id, o.office_id from plan_item_office o join plan_node n on n.id = o.node_id
                 where n.plan_id = :plan order by o.node_id, o.office_id""")
                .param("plan", planId)
                .query((rs, row) -> new Cooperating(rs.getLong("node_id"), rs.getLong("office_id"))).list()
                .forEach(office -> cooperating.computeIfAbsent(office.nodeId(), key -> new ArrayList<>()).add(office.officeId()));
        var officeNames = offices.shortNames();
        var numbers = OutlineNumbering.number(rows, header.numbering(), header.firstChapter(), header.firstItem());
        var byId = new HashMap<Long, NodeRow>();
        rows.forEach(row -> byId.put(row.id(), row));
        var nodes = new ArrayList<OutlineNode>(rows.size());
        for (var row : OutlineNumbering.documentOrder(rows)) {
            var number = numbers.get(row.id());
            nodes.add(new OutlineNode(row.id(), row.parentId(), row.kind(), row.position(), depth(row, byId),
                    number.label(), number.plain(), fullNumber(row, byId, numbers, header.numbering()),
                    row.headline(), row.body(), row.leadOfficeId(), officeNames.get(row.leadOfficeId()),
                    cooperating.getOrDefault(row.id(), List.of()).stream().map(officeNames::get).filter(Objects::nonNull).toList(),
                    row.schoolCount(), row.keyItem(), row.deadlineKind(), row.deadline(), row.quarters(), row.tags(),
                    row.carriedFromId(), row.completed(), row.commentCount(), row.version(),
                    editable(header, row, byId, user)));
        }
        return new Outline(header, nodes);
    }

    /**
     * An office cooperating on an item; read by a written mapper, as every list that grows with the plan is: Spring's
     * record mapping converts each value through its conversion service, some 20 µs a row.
     */
    private record Cooperating(long nodeId, long officeId) {
    }

    /** The task table: the outline's items, filtered and sorted in memory; eight SQL statements whatever the plan's size. */
    public TaskTable taskTable(long planId, TaskFilter filter, CurrentUser user) {
        var outline = outline(planId, user);
        var cooperating = jdbc.sql("""
                select o.node_id from plan_item_office o join plan_node n on n.id = o.node_id
                 where n.plan_id = :plan and o.office_id = :office""")
                .param("plan", planId).param("office", filter.office() == null ? -1L : filter.office())
                .query(Long.class).list();
        var schoolSummary = new HashMap<Long, SchoolSummary>();
        // the slice is written [1 : 3]: in [1:3] the named-parameter parser would take ":3" for a parameter
        jdbc.sql("""
                select s.node_id, count(*) as schools, (array_agg(s.school_id order by s.school_id))[1 : 3] as first
                  from plan_item_school s join plan_node n on n.id = s.node_id
                 where n.plan_id = :plan group by s.node_id""").param("plan", planId).query(rs -> {
                    var first = new ArrayList<Long>();
                    for (var id : (Long[]) rs.getArray("first").getArray()) {
                        first.add(id);
                    }
                    schoolSummary.put(rs.getLong("node_id"), new SchoolSummary(rs.getInt("schools"), first));
                });
        var schoolNames = schools.names();
        long activeSchools = schools.countActive();
        var byId = new HashMap<Long, OutlineNode>();
        outline.nodes().forEach(node -> byId.put(node.id(), node));
        var rows = new ArrayList<TaskTable.Row>();
        for (var item : outline.items()) {
            var chapter = chapter(item, byId);
            if (filter.office() != null && !filter.office().equals(item.leadOfficeId()) && !cooperating.contains(item.id())) {
                continue;
            }
            if (filter.chapter() != null && (chapter == null || chapter.id() != filter.chapter())
                    || filter.keyOnly() && !item.keyItem()
                    || filter.tag() != null && !filter.tag().isBlank() && !item.tags().contains(filter.tag())) {
                continue;
            }
            var summary = schoolSummary.getOrDefault(item.id(), new SchoolSummary(0, List.of()));
            rows.add(new TaskTable.Row(item, chapter == null ? "" : chapter.label() + chapter.headline(), summary.count(),
                    summary.first().stream().map(schoolNames::get).filter(Objects::nonNull).toList(),
                    activeSchools > 0 && summary.count() >= activeSchools));
        }
        rows.sort(switch (filter.sortKey()) {
            case "deadline" -> Comparator.comparing((TaskTable.Row row) -> row.item().deadline(),
                    Comparator.nullsLast(Comparator.naturalOrder()));
            case "office" -> Comparator.comparing((TaskTable.Row row) -> row.item().leadOffice(),
                    Comparator.nullsLast(Comparator.naturalOrder()));
            default -> (a, b) -> 0;
        });
        var tags = outline.items().stream().flatMap(item -> item.tags().stream()).distinct().sorted().toList();
        return new TaskTable(outline.plan(), filter, rows, outline.chapters(), tags);
    }

    private record SchoolSummary(int count, List<Long> first) {
    }

    private static OutlineNode chapter(OutlineNode node, Map<Long, OutlineNode> byId) {
        var current = node;
        while (current != null && current.kind() != NodeKind.CHAPTER) {
            current = current.parentId() == null ? null : byId.get(current.parentId());
        }
        return current;
    }

    /**
     * Longest search phrase: longer than any headline worth searching for, and its pieces (two characters each) are what
     * the index is probed with, so a pasted page would cost the database dearly for nothing (a 30,000-character phrase
     * took over a minute). A longer one finds nothing; the page says why.
     */
    public static final int SEARCH_LENGTH = 100;

    /**
     * Plans and items whose text holds the query, newest plans first. Served by the bigram index: the
     * query's bigrams must all be in the text's, and the text must then contain the query itself.
     */
    public List<SearchHit> search(String query, CurrentUser user) {
        var q = query == null ? "" : query.strip();
        if (q.isEmpty() || q.length() > SEARCH_LENGTH) {
            return List.of();
        }
        var pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        var parameters = Map.<String, Object>of("q", q, "pattern", pattern, "all", !user.is(Role.PRINCIPAL));
        var hits = new ArrayList<SearchHit>();
        jdbc.sql("""
                select p.id, p.year, p.title, p.preamble from plan p
                 where cjk_bigrams(p.title || ' ' || p.preamble) @> cjk_bigrams(:q)
                   and (p.title || ' ' || p.preamble) ilike :pattern
                   and (:all or p.status in ('PUBLISHED', 'CLOSED'))
                 order by p.year desc, p.id desc limit 20""")
                .params(parameters)
                .query(PlanMatch.class).list()
                .forEach(plan -> hits.add(new SearchHit(plan.id(), plan.year(), plan.title(), null, null, plan.title(),
                        excerpt(plan.preamble(), q))));
        jdbc.sql("""
                select p.id as plan_id, p.year, p.title, n.id, n.kind, n.headline, n.body from plan_node n
                  join plan p on p.id = n.plan_id
                 where cjk_bigrams(n.headline || ' ' || n.body) @> cjk_bigrams(:q)
                   and (n.headline || ' ' || n.body) ilike :pattern
                   and (:all or p.status in ('PUBLISHED', 'CLOSED'))
                 order by p.year desc, p.id desc, n.id limit 100""")
                .params(parameters)
                .query(NodeMatch.class).list()
                .forEach(node -> hits.add(new SearchHit(node.planId(), node.year(), node.title(), node.id(), node.kind(),
                        node.headline(), excerpt(node.body(), q))));
        return hits;
    }

    private record PlanMatch(long id, int year, String title, String preamble) {
    }

    private record NodeMatch(long planId, int year, String title, long id, NodeKind kind, String headline, String body) {
    }

    /** Some forty characters around the first match, or the text's start. */
    static String excerpt(String text, String query) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        int at = text.toLowerCase(java.util.Locale.ROOT).indexOf(query.toLowerCase(java.util.Locale.ROOT));
        int from = Math.max(0, at < 0 ? 0 : at - 20);
        int to = Math.min(text.length(), from + 60);
        return (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
    }

    private static boolean editable(PlanHeader plan, NodeRow row, Map<Long, NodeRow> byId, CurrentUser user) {
        if (plan.can().arrange() || plan.can().revise() && row.kind() == NodeKind.ITEM) {
            return true;
        }
        var item = row.kind() == NodeKind.POINT ? byId.get(row.parentId()) : row;
        return item != null && item.kind() == NodeKind.ITEM && plan.status() == PlanStatus.DRAFT
                && user.is(Role.OFFICE_STAFF) && Objects.equals(item.leadOfficeId(), user.officeId());
    }

    private static int depth(NodeRow row, Map<Long, NodeRow> byId) {
        int depth = 0;
        for (var parent = row.parentId(); parent != null; parent = byId.get(parent).parentId()) {
            depth++;
        }
        return depth;
    }

    /** 7 under continuous numbering; 二（一）7 where items restart in every section. */
    private static String fullNumber(NodeRow row, Map<Long, NodeRow> byId, Map<Long, OutlineNumbering.Number> numbers,
            Numbering numbering) {
        var own = numbers.get(row.id());
        if (row.kind() != NodeKind.ITEM || numbering == Numbering.CONTINUOUS) {
            return own.plain();
        }
        var prefix = new StringBuilder();
        for (var parent = row.parentId(); parent != null; parent = byId.get(parent).parentId()) {
            var label = numbers.get(parent).label();
            prefix.insert(0, byId.get(parent).kind() == NodeKind.CHAPTER ? numbers.get(parent).plain() : label);
        }
        return prefix + own.plain();
    }

    /** A node as read for numbering and display. */
    record NodeRow(long id, Long parentId, NodeKind kind, int position, String headline, String body, Long leadOfficeId,
            boolean keyItem, DeadlineKind deadlineKind, LocalDate deadline, List<String> quarters, List<String> tags,
            Long carriedFromId, boolean completed, long version, int schoolCount, int commentCount)
            implements OutlineNumbering.Node {
    }

    private static NodeRow nodeRow(ResultSet rs) throws SQLException {
        var deadlineKind = rs.getString("deadline_kind");
        return new NodeRow(rs.getLong("id"), (Long) rs.getObject("parent_id"), NodeKind.valueOf(rs.getString("kind")),
                rs.getInt("position"), rs.getString("headline"), rs.getString("body"), (Long) rs.getObject("lead_office_id"),
                rs.getBoolean("key_item"), deadlineKind == null ? null : DeadlineKind.valueOf(deadlineKind),
                rs.getObject("deadline", LocalDate.class),
                List.of(rs.getString("q1"), rs.getString("q2"), rs.getString("q3"), rs.getString("q4")),
                strings(rs.getArray("tags")), (Long) rs.getObject("carried_from_id"), rs.getBoolean("completed"),
                rs.getLong("version"), rs.getInt("school_count"), rs.getInt("comment_count"));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
