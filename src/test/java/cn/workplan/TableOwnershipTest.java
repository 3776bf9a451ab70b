package cn.workplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Keeps the module boundaries in the database, where {@code verify()} cannot see them: every table and view belongs
 * to one module, and a module's SQL names only its own tables and the read model others publish
 * ({@code V28__published_read_views.sql}). A table renamed by its owner then breaks only its owner's SQL and the views
 * it publishes, never another module's query.
 *
 * <p>Reads every string literal and text block in {@code src/main/java} and every migration. Where a module needs
 * something of another's that no view publishes, add a column or a view in the owner's next migration (and
 * {@link #PUBLISHED}), or ask the owner's Java API.
 */
class TableOwnershipTest {

    /** Which module owns each relation. A new table or view must be added here. */
    static final Map<String, String> OWNERS = owners(Map.ofEntries(
            Map.entry("account", "app_user login_throttle trusted_device person_view"),
            Map.entry("org", "office school office_view school_view"),
            Map.entry("plan", "plan plan_node plan_comment plan_item_office plan_item_school plan_item_target "
                    + "plan_node_revision plan_view plan_node_view plan_item_office_view plan_item_school_view "
                    + "plan_item_target_view"),
            Map.entry("execution", "assignment evidence extension_request line_reminder line_target_value "
                    + "progress_report progress_report_event progress_report_value reminder_sent sign_off "
                    + "sign_off_event item_tally report_tally school_chapter_tally target_tally assignment_view "
                    + "progress_report_view progress_report_value_view"),
            Map.entry("supervision", "notice notice_event notice_number"),
            Map.entry("notification", "notification notification_delivery notification_preference "
                    + "notification_robot"),
            Map.entry("alignment", "alignment upper_document upper_point"),
            Map.entry("publication", "publication"),
            Map.entry("summary", "summary summary_reading"),
            Map.entry("audit", "audit_event"),
            Map.entry("system", "held_preview form_token shedlock spring_session spring_session_attributes "
                    + "flyway_schema_history")));

    /**
     * What a module may read of another's: the views of V28, and the running totals execution keeps by trigger for
     * the dashboards (docs/architecture.md, "Derived data").
     */
    static final Set<String> PUBLISHED = Set.of(
            "person_view", "office_view", "school_view", "plan_view", "plan_node_view", "plan_item_office_view",
            "plan_item_school_view", "plan_item_target_view", "assignment_view", "progress_report_view",
            "progress_report_value_view", "item_tally", "report_tally", "school_chapter_tally", "target_tally",
            "line_target_value");

    /**
     * The demo loader writes a county's year of work straight into every module's tables, as fixtures are written;
     * it runs only for the quick start and the benchmarks ({@code workplan.demo-data.enabled}).
     */
    static final Set<String> EXEMPT_MODULES = Set.of("demo");

    /**
     * Codes another module's SQL may not spell: bind them from the owner's enum ({@code PlanStatus}, {@code Role}) or
     * read them through its view ({@code plan_view.in_force}). The plan's DRAFT and CLOSED are left out: other modules
     * have states of their own with those names.
     */
    static final Map<String, Set<String>> CODES = Map.of(
            "plan", Set.of("'PUBLISHED'", "'IN_REVIEW'"),
            "account", Set.of("'ADMIN'", "'LEADER'", "'OFFICE_STAFF'", "'PRINCIPAL'", "'INSPECTOR'"));

    private static final Pattern SQL = Pattern.compile("\\b(select|insert|update|delete|where)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Path SOURCES = Path.of("src/main/java/cn/workplan");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** A relation named where SQL names one: after from, join, update, into or table, and in a from list. */
    private static final Pattern NAMED = Pattern.compile(
            "\\b(?:from|join|update|into|table|references)\\s+([a-z_][a-z0-9_]*)"
                    + "|,\\s*([a-z_][a-z0-9_]*)(?=\\s+[a-z]\\w*\\s*(?:,|\\bwhere\\b|\\bjoin\\b|\\)|$))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATED = Pattern.compile(
            "\\bcreate\\s+(?:or\\s+replace\\s+)?(?:table|view|materialized\\s+view)\\s+(?:if\\s+not\\s+exists\\s+)?"
                    + "([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);

    @Test
    void everyTableAndViewHasAnOwner() throws IOException {
        var created = new TreeSet<String>();
        for (var migration : migrations()) {
            CREATED.matcher(Files.readString(migration)).results().map(m -> m.group(1).toLowerCase())
                    .forEach(created::add);
        }
        assertThat(created).as("tables and views without an owner in TableOwnershipTest.OWNERS")
                .allMatch(OWNERS::containsKey);
        assertThat(PUBLISHED).as("published relations that no migration creates").allMatch(created::contains);
    }

    @Test
    void publishedViewsShowOnlyTheirOwnersTables() throws IOException {
        var crossings = new ArrayList<String>();
        for (var migration : migrations()) {
            for (var statement : Files.readString(migration).split(";")) {
                var view = CREATED.matcher(statement);
                if (view.find() && statement.toLowerCase().contains(" view ")) {
                    var owner = OWNERS.get(view.group(1).toLowerCase());
                    crossings.addAll(crossings(owner, statement.substring(view.end()), Set.of(),
                            migration.getFileName() + " " + view.group(1)));
                }
            }
        }
        assertThat(crossings).as("published views that read another module's tables").isEmpty();
    }

    @Test
    void noModuleNamesAnotherModulesTables() throws IOException {
        var crossings = new TreeMap<String, List<String>>();
        for (var source : sources()) {
            source.strings().forEach(sql -> crossings(source.module(), sql, PUBLISHED, source.path())
                    .forEach(found -> crossings.computeIfAbsent(source.path(), f -> new ArrayList<>()).add(found)));
        }
        assertThat(crossings).as("SQL naming another module's tables (read its published views or ask its Java API)")
                .isEmpty();
    }

    @Test
    void noModuleSpellsAnotherModulesCodes() throws IOException {
        var spelled = new TreeMap<String, List<String>>();
        for (var source : sources()) {
            source.strings().stream().filter(sql -> SQL.matcher(sql).find()).forEach(sql -> CODES.forEach(
                    (owner, codes) -> codes.stream().filter(code -> !owner.equals(source.module()) && sql.contains(code))
                            .forEach(code -> spelled.computeIfAbsent(source.path(), f -> new ArrayList<>())
                                    .add(code + " (" + owner + ")"))));
        }
        assertThat(spelled).as("SQL spelling another module's codes (bind them from the owner's enum)").isEmpty();
    }

    /** A Java source of a module that is not exempt, with its string literals and text blocks. */
    private record Source(String path, String module, List<String> strings) {
    }

    private static List<Source> sources() throws IOException {
        var sources = new ArrayList<Source>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var relative = SOURCES.relativize(file).toString().replace('\\', '/');
                var module = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "";
                if (!EXEMPT_MODULES.contains(module)) {
                    sources.add(new Source(relative, module, strings(Files.readString(file))));
                }
            }
        }
        return sources;
    }

    /** The relations {@code sql} names that belong to a module other than {@code module} and are not allowed. */
    private static List<String> crossings(String module, String sql, Set<String> allowed, String where) {
        var found = new ArrayList<String>();
        var matcher = NAMED.matcher(sql);
        while (matcher.find()) {
            var name = (matcher.group(1) != null ? matcher.group(1) : matcher.group(2)).toLowerCase();
            var owner = OWNERS.get(name);
            if (owner != null && !owner.equals(module) && !allowed.contains(name)) {
                found.add(where + ": " + name + " (" + owner + ")");
            }
        }
        return found;
    }

    private static List<String> strings(String source) {
        var strings = new ArrayList<String>();
        var blocks = TEXT_BLOCK.matcher(source);
        while (blocks.find()) {
            strings.add(blocks.group(1));
        }
        var rest = TEXT_BLOCK.matcher(source).replaceAll("");
        LITERAL.matcher(rest).results().map(m -> m.group(1)).forEach(strings::add);
        return strings;
    }

    private static List<Path> migrations() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
    }

    private static Map<String, String> owners(Map<String, String> tablesByModule) {
        var owners = new TreeMap<String, String>();
        tablesByModule.forEach((module, tables) -> Stream.of(tables.split(" ")).forEach(t -> owners.put(t, module)));
        return owners;
    }
}
