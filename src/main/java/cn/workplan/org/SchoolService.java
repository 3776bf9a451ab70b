package cn.workplan.org;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.workplan.audit.AuditAction;
import cn.workplan.audit.AuditTrail;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.NotFoundException;
import cn.workplan.system.StaleEditException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the bureau's schools. Changes are audited; screens read {@link SchoolView}s. */
@Service
@Transactional(readOnly = true)
public class SchoolService {

    static final String AUDIT_TYPE = "SCHOOL";

    /** Chinese names in the order people expect: by pinyin, as a dictionary sorts them. */
    private static final java.text.Collator CHINESE = java.text.Collator.getInstance(java.util.Locale.CHINA);

    private final SchoolRepository schools;
    private final JdbcClient jdbc;
    private final PersonDirectory people;
    private final AuditTrail audit;

    SchoolService(SchoolRepository schools, JdbcClient jdbc, PersonDirectory people, AuditTrail audit) {
        this.schools = schools;
        this.jdbc = jdbc;
        this.people = people;
        this.audit = audit;
    }

    /** All schools by township and name, with their principals: two queries. */
    public List<SchoolView> list() {
        var principals = people.principalsBySchool();
        return schools.findAllByOrderByTownshipAscNameAsc().stream()
                .map(school -> view(school, principals.getOrDefault(school.getId(), List.of())))
                .sorted(java.util.Comparator.comparing(SchoolView::township, CHINESE).thenComparing(SchoolView::name, CHINESE))
                .toList();
    }

    public SchoolView get(long id) {
        var school = find(id);
        return view(school, people.principalsBySchool().getOrDefault(id, List.of()));
    }

    /** Active schools for select boxes. */
    public List<OrgOption> options() {
        return jdbc.sql("select id, name from school where active order by township, name").query(OrgOption.class).list();
    }

    /** The townships schools belong to, for suggestions and filters. */
    public List<String> townships() {
        return jdbc.sql("select distinct township from school order by township").query(String.class).list().stream()
                .sorted(CHINESE).toList();
    }

    public long countActive() {
        return schools.countByActiveTrue();
    }

    /** Names of the given schools that exist already. */
    public List<String> existingNames(List<String> names) {
        return names.isEmpty() ? List.of()
                : jdbc.sql("select name from school where name in (:names)").param("names", names).query(String.class).list();
    }

    /** Names of all schools, active or not, by id. */
    public Map<Long, String> names() {
        return jdbc.sql("select id, name from school").query(OrgOption.class).list().stream()
                .collect(Collectors.toMap(OrgOption::id, OrgOption::name));
    }

    @Transactional
    public long create(SchoolData data) {
        if (schools.existsByName(data.name().strip())) {
            throw new InvalidInputException("name", "school.error.duplicateName");
        }
        var school = schools.save(new School(data));
        audit.created(AUDIT_TYPE, school.getId(), school.getName(), school.state());
        return school.getId();
    }

    /** Creates all schools or none: any duplicate (in the list or in the database) rolls back the lot. */
    @Transactional
    public int createAll(List<SchoolData> data) {
        data.forEach(this::create);
        return data.size();
    }

    @Transactional
    public void update(long id, SchoolData data) {
        var school = find(id);
        StaleEditException.check(AUDIT_TYPE, id, data.version(), school.getVersion());
        if (schools.existsByNameAndIdNot(data.name().strip(), id)) {
            throw new InvalidInputException("name", "school.error.duplicateName");
        }
        var before = school.state();
        school.apply(data);
        audit.updated(AUDIT_TYPE, id, school.getName(), before, school.state());
    }

    @Transactional
    public void setActive(long id, boolean active) {
        var school = find(id);
        if (school.isActive() == active) {
            return;
        }
        Map<String, Object> before = school.state();
        school.setActive(active);
        audit.record(active ? AuditAction.ACTIVATE : AuditAction.DEACTIVATE, AUDIT_TYPE, id, school.getName(),
                before, school.state());
    }

    private School find(long id) {
        return schools.findById(id).orElseThrow(() -> new NotFoundException("school", id));
    }

    private static SchoolView view(School school, List<String> principals) {
        return new SchoolView(school.getId(), school.getName(), school.getKind(), school.getTownship(), school.getEnrolment(),
                school.isActive(), school.getVersion(), principals);
    }
}
