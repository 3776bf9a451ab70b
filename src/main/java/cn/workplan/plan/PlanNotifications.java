package cn.workplan.plan;

import java.util.List;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.notification.Notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the people concerned of a plan's steps, in the step's transaction: the leaders of a plan sent for review, the
 * general office of a plan returned to it and of a leader's comment (with the item's lead office), a comment's author
 * of its answer. Nobody is told of their own step. (Publishing, revising and closing are told by the execution module,
 * which knows the lines of responsibility.)
 */
@Component
class PlanNotifications {

    /** A comment or an answer quoted in a notification: enough to know what it is about. */
    private static final int QUOTE = 80;

    private final Notifications notifications;
    private final JdbcClient jdbc;

    PlanNotifications(Notifications notifications, JdbcClient jdbc) {
        this.notifications = notifications;
        this.jdbc = jdbc;
    }

    /** Draft → in review: every leader may now comment, return or publish. */
    void submitted(Plan plan, CurrentUser by) {
        notifications.send(others(leaders(), by), "notification.plan.submitted", List.of(by.displayName(), plan.getTitle()),
                "/plans/" + plan.getId());
    }

    /** In review → draft: the general office drafts again. */
    void returned(Plan plan, CurrentUser by) {
        notifications.send(others(generalOffice(), by), "notification.plan.returned", List.of(by.displayName(), plan.getTitle()),
                "/plans/" + plan.getId());
    }

    /** A leader's comment: the general office answers it (or the item's lead office, which wrote the item). */
    void commented(PlanNode item, String comment, CurrentUser by) {
        var people = new java.util.ArrayList<>(generalOffice());
        if (item.getLeadOfficeId() != null) {
            people.addAll(staffOf(item.getLeadOfficeId()));
        }
        notifications.send(others(people, by), "notification.plan.commented", List.of(by.displayName(), item.getHeadline(), quote(comment)),
                "/items/" + item.getId() + "#comments");
    }

    /** The answer goes to whoever made the comment. */
    void answered(long commentAuthor, PlanNode item, String answer, CurrentUser by) {
        notifications.send(others(List.of(commentAuthor), by), "notification.plan.commentAnswered",
                List.of(by.displayName(), item.getHeadline(), quote(answer)), "/items/" + item.getId() + "#comments");
    }

    private List<Long> leaders() {
        return jdbc.sql("select id from person_view where active and role = :role").param("role", Role.LEADER.name())
                .query(Long.class).list();
    }

    /** The staff of the coordinating office(s): the general office (办公室). */
    private List<Long> generalOffice() {
        return jdbc.sql("""
                select u.id from person_view u join office_view o on o.id = u.office_id
                where u.active and u.role = :role and o.coordinator and o.active""")
                .param("role", Role.OFFICE_STAFF.name()).query(Long.class).list();
    }

    private List<Long> staffOf(long officeId) {
        return jdbc.sql("select id from person_view where active and role = :role and office_id = :office")
                .param("role", Role.OFFICE_STAFF.name()).param("office", officeId).query(Long.class).list();
    }

    private static List<Long> others(List<Long> people, CurrentUser by) {
        return people.stream().filter(id -> id != by.id()).distinct().toList();
    }

    static String quote(String text) {
        var plain = text.strip().replaceAll("\\s+", " ");
        return plain.length() <= QUOTE ? plain : plain.substring(0, QUOTE - 1) + "…";
    }
}
