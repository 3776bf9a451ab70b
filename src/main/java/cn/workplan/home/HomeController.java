package cn.workplan.home;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

import cn.workplan.account.AccountService;
import cn.workplan.account.CurrentUser;
import cn.workplan.account.UserFilter;
import cn.workplan.audit.AuditQueries;
import cn.workplan.execution.AssignmentQueries;
import cn.workplan.org.OfficeService;
import cn.workplan.org.SchoolService;
import cn.workplan.org.SchoolView;
import cn.workplan.summary.SummaryQueries;
import cn.workplan.todo.ToDoKind;
import cn.workplan.todo.ToDoList;
import cn.workplan.todo.ToDoQueries;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sends everyone to the start page of their role, filled from the directory. */
@Controller
class HomeController {

    private static final int RECENT_AUDIT = 10;
    private static final int RECENT_SUMMARIES = 5;

    private final OfficeService offices;
    private final SchoolService schools;
    private final AccountService accounts;
    private final AuditQueries audit;
    private final AssignmentQueries assignments;
    private final SummaryQueries summaries;
    private final ToDoQueries toDos;

    HomeController(OfficeService offices, SchoolService schools, AccountService accounts, AuditQueries audit,
            AssignmentQueries assignments, SummaryQueries summaries, ToDoQueries toDos) {
        this.toDos = toDos;
        this.summaries = summaries;
        this.offices = offices;
        this.schools = schools;
        this.accounts = accounts;
        this.audit = audit;
        this.assignments = assignments;
    }

    /** Everyone's start page: what waits for them first (待办), then their role's overview. */
    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        var todo = user.role() == cn.workplan.account.Role.ADMIN ? null : toDos.of(user);
        model.addAttribute("todo", todo);
        return switch (user.role()) {
            case ADMIN -> admin(model);
            case LEADER -> leader(user, model);
            case OFFICE_STAFF -> office(user, todo, model);
            case PRINCIPAL -> principal(user, todo, model);
            case INSPECTOR -> inspector(model);
        };
    }

    private String admin(Model model) {
        model.addAttribute("officeCount", offices.count());
        model.addAttribute("schoolCount", schools.countActive());
        model.addAttribute("userCount", accounts.countActive());
        model.addAttribute("recent", audit.recent(RECENT_AUDIT));
        return "home/admin";
    }

    private String leader(CurrentUser user, Model model) {
        var all = offices.list();
        model.addAttribute("inCharge", all.stream()
                .filter(office -> Objects.equals(office.leaderUserId(), user.id())).toList());
        model.addAttribute("offices", all);
        model.addAttribute("schoolCount", schools.countActive());
        model.addAttribute("summaries", summaries.recent(user, RECENT_SUMMARIES));
        return "home/leader";
    }

    private String office(CurrentUser user, ToDoList todo, Model model) {
        model.addAttribute("office", offices.get(user.officeId()));
        model.addAttribute("colleagues", accounts.list(new UserFilter(null, null, user.officeId(), null)));
        model.addAttribute("myPlans", assignments.ofMine(user));
        reportingCard(todo, model);
        return "home/office";
    }

    private String principal(CurrentUser user, ToDoList todo, Model model) {
        model.addAttribute("school", schools.get(user.schoolId()));
        model.addAttribute("myPlans", assignments.ofMine(user));
        reportingCard(todo, model);
        return "home/principal";
    }

    /**
     * The reporting card's figures, counted from the to-do list the page has already read rather than by reading every
     * report to write and to review again (an office leading many items has thousands to review on the ten-year data):
     * this period's reports and the consolidated progress still to send, reports sent back; reports waiting for review.
     */
    private static void reportingCard(ToDoList todo, Model model) {
        model.addAttribute("toReport", todo.total(ToDoKind.REPORT_DUE, ToDoKind.CONSOLIDATED_DUE, ToDoKind.REPORT_RETURNED));
        model.addAttribute("toReview", todo.total(ToDoKind.REPORT_REVIEW));
    }

    private String inspector(Model model) {
        var byTownship = new LinkedHashMap<String, List<SchoolView>>();
        schools.list().stream().filter(SchoolView::active)
                .forEach(school -> byTownship.computeIfAbsent(school.township(), key -> new java.util.ArrayList<>()).add(school));
        model.addAttribute("townships", byTownship);
        return "home/inspector";
    }
}
