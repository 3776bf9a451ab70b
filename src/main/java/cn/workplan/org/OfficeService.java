package cn.workplan.org;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Objects;
import java.util.stream.Stream;

import cn.workplan.audit.AuditAction;
import cn.workplan.audit.AuditTrail;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.NotFoundException;
import cn.workplan.system.StaleEditException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the bureau's offices. Changes are audited; screens read {@link OfficeView}s. */
@Service
@Transactional(readOnly = true)
public class OfficeService {

    static final String AUDIT_TYPE = "OFFICE";

    private final OfficeRepository offices;
    private final JdbcClient jdbc;
    private final PersonDirectory people;
    private final AuditTrail audit;

    OfficeService(OfficeRepository offices, JdbcClient jdbc, PersonDirectory people, AuditTrail audit) {
        this.offices = offices;
        this.jdbc = jdbc;
        this.people = people;
        this.audit = audit;
    }

    /** All offices in display order, with the names of their head and leader: two queries. */
    public List<OfficeView> list() {
        var all = offices.findAllByOrderByDisplayOrderAscIdAsc();
        var names = people.names(all.stream()
                .flatMap(office -> Stream.of(office.getHeadUserId(), office.getLeaderUserId()))
                .filter(Objects::nonNull).distinct().toList());
        return all.stream().map(office -> view(office, names)).toList();
    }

    public OfficeView get(long id) {
        var office = find(id);
        return view(office, namesOf(office));
    }

    /** Active offices for select boxes. */
    public List<OrgOption> options() {
        return jdbc.sql("select id, name from office where active order by display_order, id").query(OrgOption.class).list();
    }

    /** Short names (基教股) of all offices, active or not, by id: what tables show. */
    public Map<Long, String> shortNames() {
        return jdbc.sql("select id, short_name as name from office").query(OrgOption.class).list().stream()
                .collect(Collectors.toMap(OrgOption::id, OrgOption::name));
    }

    /** Whether the account heads the office. */
    public boolean isHead(long officeId, long userId) {
        return offices.existsByIdAndHeadUserId(officeId, userId);
    }

    /** Whether the office is the general office that arranges plans. */
    public boolean isCoordinator(long officeId) {
        return offices.existsByIdAndCoordinatorTrue(officeId);
    }

    public long count() {
        return offices.count();
    }

    /** Names of all offices, active or not, by id. */
    public Map<Long, String> names() {
        return jdbc.sql("select id, name from office").query(OrgOption.class).list().stream()
                .collect(Collectors.toMap(OrgOption::id, OrgOption::name));
    }

    @Transactional
    public long create(OfficeData data) {
        if (offices.existsByName(data.name().strip())) {
            throw new InvalidInputException("name", "office.error.duplicateName");
        }
        if (offices.existsByShortName(data.shortName().strip())) {
            throw new InvalidInputException("shortName", "office.error.duplicateShortName");
        }
        checkLeader(data.leaderUserId());
        if (data.headUserId() != null) {
            throw new InvalidInputException("headUserId", "office.error.headNotStaff");
        }
        var office = offices.save(new Office(data));
        audit.created(AUDIT_TYPE, office.getId(), office.getName(), office.state(namesOf(office)));
        return office.getId();
    }

    @Transactional
    public void update(long id, OfficeData data) {
        var office = find(id);
        StaleEditException.check(AUDIT_TYPE, id, data.version(), office.getVersion());
        if (offices.existsByNameAndIdNot(data.name().strip(), id)) {
            throw new InvalidInputException("name", "office.error.duplicateName");
        }
        if (offices.existsByShortNameAndIdNot(data.shortName().strip(), id)) {
            throw new InvalidInputException("shortName", "office.error.duplicateShortName");
        }
        checkLeader(data.leaderUserId());
        if (data.headUserId() != null
                && people.staffOf(id).stream().noneMatch(person -> person.id() == data.headUserId())) {
            throw new InvalidInputException("headUserId", "office.error.headNotStaff");
        }
        var before = office.state(namesOf(office));
        office.apply(data);
        audit.updated(AUDIT_TYPE, id, office.getName(), before, office.state(namesOf(office)));
    }

    @Transactional
    public void setActive(long id, boolean active) {
        var office = find(id);
        if (office.isActive() == active) {
            return;
        }
        var before = office.state(Map.of());
        office.setActive(active);
        audit.record(active ? AuditAction.ACTIVATE : AuditAction.DEACTIVATE, AUDIT_TYPE, id, office.getName(),
                before, office.state(Map.of()));
    }

    private void checkLeader(Long leaderUserId) {
        if (leaderUserId != null && people.leaders().stream().noneMatch(person -> person.id() == leaderUserId)) {
            throw new InvalidInputException("leaderUserId", "office.error.leaderNotLeader");
        }
    }

    private Map<Long, String> namesOf(Office office) {
        var ids = Stream.of(office.getHeadUserId(), office.getLeaderUserId()).filter(Objects::nonNull).toList();
        return ids.isEmpty() ? Map.of() : people.names(ids);
    }

    private Office find(long id) {
        return offices.findById(id).orElseThrow(() -> new NotFoundException("office", id));
    }

    private static OfficeView view(Office office, Map<Long, String> names) {
        return new OfficeView(office.getId(), office.getName(), office.getShortName(),
                office.getHeadUserId(), nameOf(office.getHeadUserId(), names),
                office.getLeaderUserId(), nameOf(office.getLeaderUserId(), names),
                office.getDisplayOrder(), office.isCoordinator(), office.isActive(), office.getVersion());
    }

    /** The person's name; none when nobody is set (the maps may be immutable ones, which reject a null key). */
    private static String nameOf(Long userId, Map<Long, String> names) {
        return userId == null ? null : names.get(userId);
    }
}
