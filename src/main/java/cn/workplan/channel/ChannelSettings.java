package cn.workplan.channel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.workplan.audit.AuditAction;
import cn.workplan.audit.AuditTrail;
import cn.workplan.notification.Deliveries;
import cn.workplan.notification.DeliveryPreferences;
import cn.workplan.notification.Preferences;
import cn.workplan.notification.RobotData;
import cn.workplan.notification.RobotScope;
import cn.workplan.notification.RobotView;
import cn.workplan.notification.Robots;
import cn.workplan.org.OfficeService;
import cn.workplan.org.OrgOption;
import cn.workplan.org.SchoolService;
import cn.workplan.system.InvalidInputException;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The settings of the notification channels as the pages change them, each change audited in its transaction: the
 * group robots (the administrator's), sending a message again (the administrator's), and a person's own choice of
 * what reaches them where. Robots are named by their place: 全局 (the bureau), an office, a school.
 */
@Service
@Transactional(readOnly = true)
public class ChannelSettings {

    static final String ROBOT_TYPE = "NOTIFICATION_ROBOT";
    static final String DELIVERY_TYPE = "NOTIFICATION_DELIVERY";
    static final String SETTINGS_TYPE = "NOTIFICATION_SETTINGS";

    private final Robots robots;
    private final Deliveries deliveries;
    private final DeliveryPreferences preferences;
    private final OfficeService offices;
    private final SchoolService schools;
    private final AuditTrail audit;

    ChannelSettings(Robots robots, Deliveries deliveries, DeliveryPreferences preferences, OfficeService offices, SchoolService schools,
            AuditTrail audit) {
        this.robots = robots;
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.offices = offices;
        this.schools = schools;
        this.audit = audit;
    }

    /** A robot with the name of its place ({@code null} for the bureau's). */
    public record PlacedRobot(RobotView robot, String place) {
    }

    /** A message that could not be sent, with the name of the robot's place. */
    public record PlacedProblem(Deliveries.Problem problem, String place) {
    }

    public List<PlacedRobot> robots() {
        var names = names();
        return robots.list().stream().map(robot -> new PlacedRobot(robot, names.of(robot.scope(), robot.officeId(), robot.schoolId())))
                .toList();
    }

    public PlacedRobot robot(long id) {
        var robot = robots.get(id);
        return new PlacedRobot(robot, names().of(robot.scope(), robot.officeId(), robot.schoolId()));
    }

    public Page<PlacedProblem> problems(int page, Locale locale) {
        var names = names();
        return deliveries.problems(page, locale).map(problem -> new PlacedProblem(problem,
                problem.robotScope() == null ? null : names.of(problem.robotScope(), problem.officeId(), problem.schoolId())));
    }

    public long failedCount() {
        return deliveries.failedCount();
    }

    /** Active offices and schools, the places a robot may be added for. */
    public List<OrgOption> offices() {
        return offices.options();
    }

    public List<OrgOption> schools() {
        return schools.options();
    }

    @Transactional
    public long createRobot(RobotData data) {
        checkPlace(data);
        var robot = robots.create(data);
        audit.created(ROBOT_TYPE, robot.id(), label(robot), state(robot));
        return robot.id();
    }

    @Transactional
    public void updateRobot(long id, RobotData data) {
        checkPlace(data);
        var change = robots.update(id, data);
        audit.updated(ROBOT_TYPE, id, label(change.after()), state(change.before()), state(change.after()));
    }

    @Transactional
    public void deleteRobot(long id, Long version) {
        var robot = robots.delete(id, version);
        audit.record(AuditAction.DELETE, ROBOT_TYPE, id, label(robot), state(robot), Map.of());
    }

    /** Sends a message again; false when it was sent meanwhile. */
    @Transactional
    public boolean retry(long id) {
        var retried = deliveries.retry(id);
        retried.ifPresent(done -> audit.record(AuditAction.UPDATE, DELIVERY_TYPE, id, done.label(), done.before(), done.after()));
        return retried.isPresent();
    }

    public Preferences preferences(long userId) {
        return preferences.of(userId);
    }

    @Transactional
    public void savePreferences(long userId, String name, Preferences chosen) {
        var before = preferences.of(userId);
        preferences.save(userId, chosen);
        audit.updated(SETTINGS_TYPE, userId, name, before.auditState(), chosen.auditState());
    }

    /** The office or school of an office's or school's robot is one that exists and is active. */
    private void checkPlace(RobotData data) {
        if (data.scope() == RobotScope.OFFICE && data.officeId() != null
                && offices.options().stream().noneMatch(office -> office.id() == data.officeId())) {
            throw new InvalidInputException("officeId", "robot.error.placeMissing");
        }
        if (data.scope() == RobotScope.SCHOOL && data.schoolId() != null
                && schools.options().stream().noneMatch(school -> school.id() == data.schoolId())) {
            throw new InvalidInputException("schoolId", "robot.error.placeMissing");
        }
    }

    private String label(RobotView robot) {
        var place = names().of(robot.scope(), robot.officeId(), robot.schoolId());
        return place == null ? robot.scope().name() : place;
    }

    private Map<String, String> state(RobotView robot) {
        var state = new LinkedHashMap<String, String>();
        var place = names().of(robot.scope(), robot.officeId(), robot.schoolId());
        state.putAll(robot.auditState());
        if (place != null) {
            state.put("place", place);
        }
        return state;
    }

    private record Names(Map<Long, String> offices, Map<Long, String> schools) {

        String of(RobotScope scope, Long officeId, Long schoolId) {
            return switch (scope) {
                case BUREAU -> null;
                case OFFICE -> offices.getOrDefault(officeId, "#" + officeId);
                case SCHOOL -> schools.getOrDefault(schoolId, "#" + schoolId);
            };
        }
    }

    private Names names() {
        return new Names(offices.names(), schools.names());
    }
}
