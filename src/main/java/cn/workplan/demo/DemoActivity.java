package cn.workplan.demo;

import java.time.LocalDate;

import lombok.extern.slf4j.Slf4j;

import cn.workplan.account.CurrentUser;
import cn.workplan.execution.Extensions;
import cn.workplan.execution.SignOffs;
import cn.workplan.summary.NewSummary;
import cn.workplan.summary.Summaries;
import cn.workplan.summary.SummaryKind;
import cn.workplan.summary.SummaryReadings;
import cn.workplan.supervision.NoticeData;
import cn.workplan.supervision.NoticeService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * What is open in the demo county on the day it is loaded, done through the services as people do it (audited, notified):
 * the director's notice to 基础教育股, 督导室's notice to the demo principal's school waiting to be signed for, a notice to
 * 招生办 that went unanswered past its deadline and was escalated to the deputy in charge, a school's and 职成教股's
 * extension requests, a finished item proposed for sign-off, and last month's report drafted and sent to the leaders to
 * read. Each of them is on someone's to-do list.
 */
@Slf4j
@Component
class DemoActivity {

    private final JdbcClient jdbc;
    private final UserDetailsService users;
    private final NoticeService notices;
    private final Extensions extensions;
    private final SignOffs signOffs;
    private final Summaries summaries;
    private final SummaryReadings readings;

    DemoActivity(JdbcClient jdbc, UserDetailsService users, NoticeService notices, Extensions extensions, SignOffs signOffs,
            Summaries summaries, SummaryReadings readings) {
        this.jdbc = jdbc;
        this.users = users;
        this.notices = notices;
        this.extensions = extensions;
        this.signOffs = signOffs;
        this.summaries = summaries;
        this.readings = readings;
    }

    void open(long planId, LocalDate today) {
        var director = person("director");
        // the director's notice to 基础教育股 on the first item it leads, due in a week
        notices.issue(new NoticeData(item(planId, "基教股"), null, "该项任务进度滞后于季度安排，请说明原因，提出整改措施和完成时间表。",
                today.plusDays(7)), director);
        // 督导室's notice to the demo principal's school on its safety line: to sign for
        long safety = item(planId, "落实校园安全责任。");
        notices.issue(new NoticeData(safety, line(safety, DemoReports.PRINCIPALS_SCHOOL), "请于5日内报送本学期安全隐患排查整改台账。",
                today.plusDays(5)), person("dudao"));
        // a notice to 招生办 left unanswered past its deadline: escalated to the deputy in charge
        long unanswered = notices.issue(new NoticeData(item(planId, "规范招生入学秩序。"), null, "请报送招生工作总结及信访件办理情况。",
                today), director);
        jdbc.sql("update notice set reply_by = :late, issued_at = issued_at - interval '9 days' where id = :id")
                .param("late", today.minusDays(2)).param("id", unanswered).update();
        notices.escalateOverdue(today);

        // a school asks 基础教育股 for more time on 推进集团化办学; 职成教股 asks the leaders for its item's
        long groups = item(planId, "推进集团化办学。");
        var school = jdbc.sql("""
                select a.id, u.username, coalesce(a.deadline, n.deadline) as deadline from assignment a join plan_node n on n.id = a.item_id
                join school s on s.id = a.school_id join app_user u on u.school_id = s.id and u.active
                where a.item_id = :item and s.name <> :principal order by s.name desc limit 1""")
                .param("item", groups).param("principal", DemoReports.PRINCIPALS_SCHOOL)
                .query(SchoolLine.class).single();
        extensions.request(school.id(), later(school.deadline(), today, 45), "学校校舍维修占用场地，联合教研活动顺延。",
                person(school.username()));
        long overdue = item(planId, DemoPlan.OVERDUE_ITEM);
        var lead = jdbc.sql("""
                select a.id, n.deadline from assignment a join plan_node n on n.id = a.item_id where a.item_id = :item and a.kind = 'LEAD'""")
                .param("item", overdue).query(LeadLine.class).single();
        extensions.request(lead.id(), later(lead.deadline(), today, 60), "合作企业调整生产计划，实训基地共建协议延后签订。",
                person("zhicheng"));

        // an item its lead office reported done, proposed for sign-off
        jdbc.sql("""
                select n.id, u.username from assignment a join plan_node n on n.id = a.item_id join office o on o.id = a.office_id
                join app_user u on u.id = o.head_user_id
                where a.plan_id = :plan and a.kind = 'LEAD' and a.approved_percent = 100 and n.completed_at is null
                order by n.id limit 1""")
                .param("plan", planId).query(DoneItem.class).optional()
                .ifPresent(done -> signOffs.propose(done.id(), "各项任务均已完成，佐证材料见各月进度报告。", person(done.username())));

        // last month's report, drafted and sent to the leaders to read
        if (today.getMonthValue() > 1 && !jdbc.sql("select issue_date from plan where id = :plan").param("plan", planId)
                .query(LocalDate.class).single().isAfter(today.withDayOfMonth(1).minusMonths(1))) {
            var office = person("office");
            long summary = summaries.create(planId, new NewSummary(SummaryKind.MONTHLY, today.getMonthValue() - 1, null), office).id();
            readings.ask(summary, office);
        }
        log.info("Demo data: notices, extension requests, a sign-off and a report to read are open on plan #{}", planId);
    }

    /** A later day for a request: past the deadline and today, within the year after the plan's. */
    private static LocalDate later(LocalDate deadline, LocalDate today, int days) {
        var from = deadline == null || deadline.isBefore(today) ? today : deadline;
        var day = from.plusDays(days);
        var last = LocalDate.of(today.getYear() + 1, 12, 31);
        return day.isAfter(last) ? last : day;
    }

    /** The item with this headline, or the first item the office of this short name leads. */
    private long item(long planId, String headlineOrOffice) {
        return jdbc.sql("""
                select n.id from plan_node n left join office o on o.id = n.lead_office_id
                where n.plan_id = :plan and n.kind = 'ITEM' and (n.headline = :name or o.short_name = :name) order by n.id limit 1""")
                .param("plan", planId).param("name", headlineOrOffice).query(Long.class).single();
    }

    private long line(long itemId, String school) {
        return jdbc.sql("select a.id from assignment a join school s on s.id = a.school_id where a.item_id = :item and s.name = :school")
                .param("item", itemId).param("school", school).query(Long.class).single();
    }

    private CurrentUser person(String login) {
        return (CurrentUser) users.loadUserByUsername(login);
    }

    private record SchoolLine(long id, String username, LocalDate deadline) {
    }

    private record LeadLine(long id, LocalDate deadline) {
    }

    private record DoneItem(long id, String username) {
    }
}
