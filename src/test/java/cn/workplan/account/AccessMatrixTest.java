package cn.workplan.account;

import static cn.workplan.account.AccessMatrixTest.Expect.CREATED;
import static cn.workplan.account.AccessMatrixTest.Expect.DENIED;
import static cn.workplan.account.AccessMatrixTest.Expect.HIDDEN;
import static cn.workplan.account.AccessMatrixTest.Expect.HOME;
import static cn.workplan.account.AccessMatrixTest.Expect.LOGGED_OUT;
import static cn.workplan.account.AccessMatrixTest.Expect.LOGIN;
import static cn.workplan.account.AccessMatrixTest.Expect.LOGIN_FAILED;
import static cn.workplan.account.AccessMatrixTest.Expect.OK;
import static cn.workplan.account.AccessMatrixTest.Expect.REDIRECT;
import static cn.workplan.account.AccessMatrixTest.Expect.UNAUTHORIZED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.workplan.alignment.NewUpperDocument;
import cn.workplan.alignment.UpperDocuments;
import cn.workplan.execution.ProgressReports;
import cn.workplan.execution.Progress;
import cn.workplan.execution.ReportData;
import cn.workplan.execution.Upload;
import cn.workplan.plan.ItemData;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.Numbering;
import cn.workplan.plan.OutlineService;
import cn.workplan.plan.PlanData;
import cn.workplan.plan.PlanKind;
import cn.workplan.plan.PlanService;
import cn.workplan.plan.PublishData;
import cn.workplan.publication.PublicationSettings;
import cn.workplan.publication.Publications;
import cn.workplan.summary.NewSummary;
import cn.workplan.summary.Summaries;
import cn.workplan.summary.SummaryKind;
import cn.workplan.supervision.NoticeData;
import cn.workplan.supervision.NoticeService;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.SignIn;
import cn.workplan.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call what: every endpoint of the application, asked by nobody and by each role, must answer
 * exactly what the table says. Loosening a rule (a principal reaching {@code /admin/users}) or tightening
 * one (an inspector locked out of {@code /api/schools}) fails a cell; an endpoint added without a row
 * fails {@link #theTableListsEveryEndpointOfTheApplication}.
 *
 * <p>POSTs carry a CSRF token, so that the table is about roles only. The admin's POSTs are chosen to change
 * nothing that matters (an empty form comes back with errors, an active record is activated again), except
 * {@code POST /api/schools}, which creates a school of its own name each time.
 */
@IntegrationTest
class AccessMatrixTest {

    /** {office}, {school} and {user} in the URLs stand for these records, made for this test. */
    private static Map<String, Long> records;

    static List<Endpoint> table() {
        return List.of(
        //                                                                  anonymous     ADMIN         LEADER        OFFICE_STAFF  PRINCIPAL     INSPECTOR
        // signing in and out
        endpoint(GET,  "/login",                                            OK,           HOME,         HOME,         HOME,         HOME,         HOME),
        endpoint(POST, "/login?username=nobody&password=wrong-password",    LOGIN_FAILED, LOGIN_FAILED, LOGIN_FAILED, LOGIN_FAILED, LOGIN_FAILED, LOGIN_FAILED),
        endpoint(POST, "/logout",                                           LOGGED_OUT,   LOGGED_OUT,   LOGGED_OUT,   LOGGED_OUT,   LOGGED_OUT,   LOGGED_OUT),
        // everyone's pages
        endpoint(GET,  "/",                                                 LOGIN,        OK,           OK,           OK,           OK,           OK),
        endpoint(GET,  "/account/password",                                 LOGIN,        OK,           OK,           OK,           OK,           OK),
        endpoint(POST, "/account/password",                                 LOGIN,        OK,           OK,           OK,           OK,           OK),
        // notifications: {notification} is the matrix administrator's own; anybody else's is not found
        endpoint(GET,  "/notifications",                                    LOGIN,        OK,           OK,           OK,           OK,           OK),
        endpoint(GET,  "/notifications/bell",                               LOGIN,        OK,           OK,           OK,           OK,           OK),
        // the navbar's to-do count: everyone's own
        endpoint(GET,  "/todo",                                             LOGIN,        OK,           OK,           OK,           OK,           OK),
        endpoint(GET,  "/todo/count",                                       LOGIN,        OK,           OK,           OK,           OK,           OK),
        endpoint(GET,  "/notifications/{notification}",                     LOGIN,        REDIRECT,     HIDDEN,       HIDDEN,       HIDDEN,       HIDDEN),
        endpoint(POST, "/notifications/read-all",                           LOGIN,        REDIRECT,     REDIRECT,     REDIRECT,     REDIRECT,     REDIRECT),
        // the one-click reminder (催办) of {line}, led by an office the matrix's office staff are not in
        endpoint(POST, "/lines/{line}/remind",                              LOGIN,        REDIRECT,     REDIRECT,     DENIED,       DENIED,       DENIED),
        // notification settings (everyone's own) and channels: {robot} is the group robot of a school nobody belongs to, whose
        // webhook nobody answers (a test message fails with a message); {delivery} one of its messages, given up
        endpoint(GET,  "/account/notifications",                            LOGIN,        OK,           OK,           OK,           OK,           OK),
        endpoint(POST, "/account/notifications?email=REMINDERS&robot=REMINDERS&digestByEmail=true", LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
        endpoint(GET,  "/admin/robots",                                     LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/admin/robots/new",                                 LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/admin/robots",                                     LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/admin/robots/{robot}/edit",                        LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/admin/robots/{robot}",                             LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/admin/robots/{robot}/delete?version=-1",           LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/admin/robots/{robot}/test",                        LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/admin/deliveries",                                 LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/admin/deliveries/{delivery}/retry",                LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        // offices
        endpoint(GET,  "/admin/offices",                                    LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/admin/offices/new",                                LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/admin/offices",                                    LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/admin/offices/{office}/edit",                      LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/admin/offices/{office}",                           LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/admin/offices/{office}/active?active=true",        LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        // schools
        endpoint(GET,  "/admin/schools",                                    LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/admin/schools/new",                                LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/admin/schools",                                    LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/admin/schools/{school}/edit",                      LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/admin/schools/{school}",                           LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/admin/schools/{school}/active?active=true",        LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/admin/schools/import",                             LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/admin/schools/import",                             LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/admin/schools/import/confirm?token=schools:none",  LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/admin/schools/import/template.xlsx",               LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        // accounts
        endpoint(GET,  "/admin/users",                                      LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/admin/users/new",                                  LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/admin/users",                                      LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/admin/users/{user}/edit",                          LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/admin/users/{user}",                               LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/admin/users/{user}/active?active=true",            LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/admin/users/{user}/password",                      LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/admin/users/{user}/password",                      LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/admin/users/import",                               LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/admin/users/import",                               LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/admin/users/import/confirm?token=users:none",      LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/admin/users/import/template.xlsx",                 LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        // audit
        endpoint(GET,  "/admin/audit",                                      LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        // backups
        endpoint(GET,  "/admin/backups",                                    LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/admin/backups",                                    LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        // plans: {draft} with {chapter} and {draftItem} (led by another office), {empty} (no items), {review},
        // {published} with {publishedChapter} and {publishedItem}. The matrix's office staff are not the general
        // office's. State-changing requests are chosen so that no cell changes what the next one finds.
        endpoint(GET,  "/plans",                                            LOGIN,        OK,           OK,           OK,           OK,           OK),
        endpoint(GET,  "/plans/new",                                        LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/plans",                                            LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/plans/{draft}",                                    LOGIN,        OK,           OK,           OK,           HIDDEN,       OK),
        endpoint(GET,  "/plans/{published}",                                LOGIN,        OK,           OK,           OK,           OK,           OK),
        endpoint(GET,  "/plans/{draft}/edit",                               LOGIN,        OK,           DENIED,       DENIED,       HIDDEN,       DENIED),
        endpoint(POST, "/plans/{draft}",                                    LOGIN,        OK,           DENIED,       DENIED,       HIDDEN,       DENIED),
        endpoint(POST, "/plans/{empty}/submit",                             LOGIN,        REDIRECT,     DENIED,       DENIED,       HIDDEN,       DENIED),
        endpoint(POST, "/plans/{published}/return",                         LOGIN,        DENIED,       DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/plans/{review}/publish",                           LOGIN,        OK,           OK,           DENIED,       HIDDEN,       DENIED),
        endpoint(POST, "/plans/{review}/publish",                           LOGIN,        OK,           OK,           DENIED,       HIDDEN,       DENIED),
        endpoint(POST, "/plans/{draft}/close",                              LOGIN,        DENIED,       DENIED,       DENIED,       HIDDEN,       DENIED),
        endpoint(POST, "/plans/{published}/delete",                         LOGIN,        DENIED,       DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/plans/{published}/copy",                           LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/plans/{published}/copy",                           LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/plans/{published}/document",                       LOGIN,        OK,           OK,           OK,           OK,           OK),
        endpoint(GET,  "/plans/{draft}/document",                           LOGIN,        OK,           OK,           OK,           HIDDEN,       OK),
        endpoint(GET,  "/plans/{published}/export.docx",                    LOGIN,        OK,           OK,           OK,           OK,           OK),
        endpoint(GET,  "/plans/{draft}/export.docx",                        LOGIN,        OK,           OK,           OK,           HIDDEN,       OK),
        endpoint(GET,  "/plans/{draft}/tasks",                              LOGIN,        OK,           OK,           OK,           HIDDEN,       OK),
        endpoint(GET,  "/plans/{draft}/tasks.xlsx",                         LOGIN,        OK,           OK,           OK,           HIDDEN,       OK),
        endpoint(GET,  "/plans/{published}/tasks.xlsx?office={office}",     LOGIN,        OK,           OK,           OK,           OK,           OK),
        endpoint(GET,  "/plans/{draft}/export.pdf",                         LOGIN,        OK,           OK,           OK,           HIDDEN,       OK),
        endpoint(GET,  "/plans/{published}/export.pdf",                     LOGIN,        OK,           OK,           OK,           OK,           OK),
        endpoint(GET,  "/my-items",                                         LOGIN,        REDIRECT,     REDIRECT,     REDIRECT,     REDIRECT,     REDIRECT),
        endpoint(GET,  "/search?q=测试",                                     LOGIN,        OK,           OK,           OK,           OK,           OK),
        // importing a plan: the form, reading (empty text: the form again with the message), and the preview's
        // edits and confirmation under a token that is not held: back to the form
        endpoint(GET,  "/plans/import",                                     LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/plans/import",                                     LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/plans/import/none",                                LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/plans/import/none/plans/0?title=t&year=2026",      LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/plans/import/none/plans/0/accept-all",             LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/plans/import/none/nodes/1/kind?kind=ITEM",         LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/plans/import/none/nodes/1/merge",                  LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/plans/import/none/nodes/1/split?at=1",             LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/plans/import/none/nodes/1/drop",                   LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/plans/import/none/nodes/1/suggestions?type=TARGET&index=0&accepted=true", LOGIN, REDIRECT, DENIED, DENIED, DENIED, DENIED),
        endpoint(POST, "/plans/import/none/residue/1?keep=true",            LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/plans/import/confirm?token=none",                  LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        // the outline editor (a blank headline is refused after the permission check: a redirect with a message)
        endpoint(POST, "/plans/{draft}/nodes?kind=CHAPTER&headline=",       LOGIN,        REDIRECT,     DENIED,       DENIED,       HIDDEN,       DENIED),
        endpoint(POST, "/plans/{draft}/nodes/{chapter}/rename?headline=&version=0", LOGIN, REDIRECT,   DENIED,       DENIED,       HIDDEN,       DENIED),
        endpoint(POST, "/plans/{draft}/nodes/{chapter}/move?index=0",       LOGIN,        REDIRECT,     DENIED,       DENIED,       HIDDEN,       DENIED),
        endpoint(POST, "/plans/{draft}/nodes/{chapter}/up",                 LOGIN,        REDIRECT,     DENIED,       DENIED,       HIDDEN,       DENIED),
        endpoint(POST, "/plans/{draft}/nodes/{chapter}/down",               LOGIN,        REDIRECT,     DENIED,       DENIED,       HIDDEN,       DENIED),
        endpoint(POST, "/plans/{published}/nodes/{publishedChapter}/delete", LOGIN,       DENIED,       DENIED,       DENIED,       DENIED,       DENIED),
        // task items
        endpoint(GET,  "/plans/{draft}/items/new",                          LOGIN,        OK,           DENIED,       OK,           HIDDEN,       DENIED),
        endpoint(POST, "/plans/{draft}/items",                              LOGIN,        OK,           DENIED,       OK,           HIDDEN,       DENIED),
        endpoint(GET,  "/items/{draftItem}",                                LOGIN,        OK,           OK,           OK,           HIDDEN,       OK),
        endpoint(GET,  "/items/{publishedItem}",                            LOGIN,        OK,           OK,           OK,           OK,           OK),
        // lines of responsibility: {line} is the published item's lead-office line (removing it is refused with a message)
        endpoint(GET,  "/items/{publishedItem}/lines",                      LOGIN,        OK,           OK,           OK,           OK,           OK),
        endpoint(GET,  "/items/{draftItem}/lines",                          LOGIN,        OK,           OK,           OK,           HIDDEN,       OK),
        endpoint(POST, "/items/{publishedItem}/lines?schoolId={school}",    LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/lines/{line}?itemId={publishedItem}&version=0&milestone=", LOGIN, REDIRECT,    DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/lines/{line}/delete?itemId={publishedItem}",       LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        // progress reports: {schoolLine} is the shared principal's school's line on the published item, {officeLine} the
        // shared office's (cooperating); {report} was sent on {schoolLine} for March with the file {evidence}
        endpoint(GET,  "/reports",                                          LOGIN,        OK,           OK,           OK,           OK,           OK),
        endpoint(GET,  "/plans/{published}/reporting",                      LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/plans/{published}/reporting?cycle=MONTHLY&dueDay=25", LOGIN,     REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/lines/{schoolLine}/reports/2026-03",               LOGIN,        OK,           OK,           DENIED,       OK,           OK),
        endpoint(GET,  "/lines/{officeLine}/reports/2026-03",               LOGIN,        OK,           OK,           OK,           DENIED,       OK),
        endpoint(POST, "/lines/{schoolLine}/reports/2026-02?progress=IN_PROGRESS&percent=10&narrative=草稿", LOGIN, DENIED, DENIED, DENIED, REDIRECT, DENIED),
        endpoint(POST, "/lines/{officeLine}/reports/2026-02?progress=IN_PROGRESS&percent=10&narrative=草稿", LOGIN, DENIED, DENIED, REDIRECT, DENIED, DENIED),
        endpoint(POST, "/reports/{report}/review?line={schoolLine}&period=2026-03&decision=approve&version=1", LOGIN, DENIED, DENIED, DENIED, DENIED, DENIED),
        endpoint(GET,  "/evidence",                                         LOGIN,        OK,           OK,           DENIED,       DENIED,       OK),
        endpoint(GET,  "/evidence?verification=QUESTIONED",                 LOGIN,        OK,           OK,           DENIED,       DENIED,       OK),
        endpoint(GET,  "/evidence/{evidence}",                              LOGIN,        OK,           OK,           DENIED,       OK,           OK),
        endpoint(POST, "/evidence/{evidence}/delete?line={schoolLine}&period=2026-03", LOGIN, DENIED,   DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/evidence/{evidence}/verification?line={schoolLine}&period=2026-03&verdict=VERIFIED", LOGIN, DENIED, DENIED, DENIED, DENIED, REDIRECT),
        // extension requests: {extension} waits on {schoolLine}, {decidedExtension} on {officeLine} was rejected; the published
        // item is led by an office none of the matrix's accounts belongs to. Refusals after the permission check (a blank
        // reason or comment, a decided request) return to the page with a message and change nothing.
        endpoint(GET,  "/approvals",                                        LOGIN,        DENIED,       OK,           OK,           DENIED,       DENIED),
        endpoint(POST, "/lines/{officeLine}/extensions?itemId={publishedItem}&reason=", LOGIN, DENIED, DENIED,     REDIRECT,     DENIED,       DENIED),
        endpoint(POST, "/extensions/{extension}/decision?itemId={publishedItem}&decision=reject&comment=&version=0", LOGIN, DENIED, REDIRECT, DENIED, DENIED, DENIED),
        endpoint(POST, "/extensions/{decidedExtension}/withdraw?itemId={publishedItem}", LOGIN, DENIED, DENIED,   REDIRECT,     DENIED,       DENIED),
        // sign-off: proposing is the lead office's (none of the matrix's accounts); a leader's blank comment or reason is refused
        endpoint(POST, "/items/{publishedItem}/sign-off?note=",             LOGIN,        DENIED,       DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/items/{publishedItem}/sign-off/decision?decision=return&comment=&version=0", LOGIN, DENIED, REDIRECT, DENIED, DENIED, DENIED),
        endpoint(POST, "/items/{publishedItem}/sign-off/reopen?reason=",    LOGIN,        DENIED,       REDIRECT,     DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/items/{draftItem}/edit",                           LOGIN,        OK,           DENIED,       DENIED,       HIDDEN,       DENIED),
        endpoint(POST, "/items/{draftItem}",                                LOGIN,        OK,           DENIED,       DENIED,       HIDDEN,       DENIED),
        endpoint(GET,  "/items/{draftItem}/history",                        LOGIN,        OK,           OK,           OK,           HIDDEN,       OK),
        endpoint(POST, "/items/{draftItem}/comments?comment=意见",           LOGIN,        DENIED,       DENIED,       DENIED,       DENIED,       DENIED),
        // answering a review comment ({comment}, on the plan in review): the general office (and administrators); a blank
        // answer comes back with a message and changes nothing; a principal does not see a plan in review
        endpoint(POST, "/comments/{comment}/answer?answer=",                LOGIN,        REDIRECT,     DENIED,       DENIED,       HIDDEN,       DENIED),
        // supervision notices: {notice} went to the matrix's office (and was acknowledged), {schoolNotice} to the matrix's
        // school, both issued by the matrix's leader on {noticeItem}. The POSTs are refused after the permission check
        // (acknowledged already, blank reply, not replied yet, blank comment): a redirect with a message, nothing changes.
        endpoint(GET,  "/notices",                                          LOGIN,        OK,           OK,           OK,           OK,           OK),
        endpoint(GET,  "/notices?state=CLOSED&escalated=true&toMe=true",    LOGIN,        OK,           OK,           OK,           OK,           OK),
        endpoint(GET,  "/notices/{notice}",                                 LOGIN,        OK,           OK,           OK,           HIDDEN,       OK),
        endpoint(GET,  "/notices/{schoolNotice}",                           LOGIN,        OK,           OK,           HIDDEN,       OK,           OK),
        endpoint(GET,  "/notices/{notice}/print",                           LOGIN,        OK,           OK,           OK,           HIDDEN,       OK),
        endpoint(GET,  "/notices/{schoolNotice}.docx",                      LOGIN,        OK,           OK,           HIDDEN,       OK,           OK),
        endpoint(GET,  "/notices/new?itemId={noticeItem}",                  LOGIN,        DENIED,       OK,           DENIED,       DENIED,       DENIED),
        endpoint(POST, "/notices?itemId={noticeItem}&matter=",              LOGIN,        DENIED,       OK,           DENIED,       DENIED,       DENIED),
        endpoint(POST, "/notices/{notice}/acknowledge",                     LOGIN,        DENIED,       DENIED,       REDIRECT,     HIDDEN,       DENIED),
        endpoint(POST, "/notices/{schoolNotice}/reply?reply=&version=0",    LOGIN,        DENIED,       DENIED,       HIDDEN,       REDIRECT,     DENIED),
        endpoint(POST, "/notices/{notice}/close?version=1",                 LOGIN,        DENIED,       REDIRECT,     DENIED,       HIDDEN,       DENIED),
        endpoint(POST, "/notices/{notice}/return?comment=&version=1",       LOGIN,        DENIED,       REDIRECT,     DENIED,       HIDDEN,       DENIED),
        // dashboards: the bureau's for leaders, inspectors, administrators (and the general office); everyone else is sent
        // to their own office's or school's; the drill-down is narrowed to the viewer's own; a draft plan has none
        endpoint(GET,  "/dashboard?plan={published}",                       LOGIN,        OK,           OK,           REDIRECT,     REDIRECT,     OK),
        endpoint(GET,  "/dashboard/export.xlsx?plan={published}",           LOGIN,        OK,           OK,           DENIED,       DENIED,       OK),
        endpoint(GET,  "/dashboard/items?plan={published}",                 LOGIN,        OK,           OK,           OK,           OK,           OK),
        endpoint(GET,  "/dashboard/items?plan={published}&school={school}&status=OVERDUE", LOGIN, OK,     OK,           OK,           OK,           OK),
        endpoint(GET,  "/dashboard/items?plan={draft}",                     LOGIN,        HIDDEN,       HIDDEN,       HIDDEN,       HIDDEN,       HIDDEN),
        endpoint(GET,  "/dashboard/items.xlsx?plan={published}",            LOGIN,        OK,           OK,           OK,           OK,           OK),
        endpoint(GET,  "/dashboard/mine?plan={published}",                  LOGIN,        REDIRECT,     REDIRECT,     OK,           OK,           REDIRECT),
        endpoint(GET,  "/dashboard/mine.xlsx?plan={published}",             LOGIN,        DENIED,       DENIED,       OK,           OK,           DENIED),
        // drafted reports (总结报告): {summary} is the mid-year summary of {published}; the matrix's office staff are not the
        // general office (its staff may, like the administrator: see SummaryPagesTest). The administrator's POSTs change
        // nothing: drafting again opens the existing report, and the others carry a stale version or a blank reason.
        endpoint(GET,  "/plans/{published}/summaries",                     LOGIN,        OK,           OK,           DENIED,       DENIED,       OK),
        endpoint(GET,  "/plans/{published}/summaries/new",                 LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/plans/{published}/summaries?kind=MID_YEAR",       LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/summaries/{summary}",                             LOGIN,        OK,           OK,           DENIED,       DENIED,       OK),
        endpoint(POST, "/summaries/{summary}?version=-1&title=",           LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/summaries/{summary}/regenerate?version=-1",       LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/summaries/{summary}/lock?version=-1",             LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/summaries/{summary}/unlock?version=-1&reason=",   LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        // 送阅 (the general office and administrators) and 已阅 (who reads reports; one not asked is told so)
        endpoint(POST, "/summaries/{summary}/readers",                     LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/summaries/{summary}/read",                        LOGIN,        REDIRECT,     REDIRECT,     DENIED,       DENIED,       REDIRECT),
        endpoint(GET,  "/summaries/{summary}.docx",                        LOGIN,        OK,           OK,           DENIED,       DENIED,       OK),
        endpoint(GET,  "/summaries/{summary}.pdf",                         LOGIN,        OK,           OK,           DENIED,       DENIED,       OK),
        // upper-level documents (上级文件) and alignment (对标): {upper} is a document with the point {point}; the matrix's office
        // staff lead no item of {draft}. The administrator's POSTs change nothing the next cell finds: a header form with a
        // blank title comes back with its message, a stale version is refused, linking again links nothing more, a parent
        // that is no chapter of the plan is not found.
        endpoint(GET,  "/upper-documents",                                  LOGIN,        OK,           OK,           OK,           DENIED,       OK),
        endpoint(GET,  "/upper-documents/{upper}",                          LOGIN,        OK,           OK,           OK,           DENIED,       OK),
        endpoint(POST, "/upper-documents/{upper}?title=&year=2026&version=-1", LOGIN,     OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/upper-documents/{upper}/delete?version=-1",        LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/upper-documents/{upper}/coverage?plan={published}", LOGIN,       OK,           OK,           OK,           DENIED,       OK),
        endpoint(GET,  "/plans/{draft}/alignment?upper={upper}&point={point}", LOGIN,     OK,           OK,           OK,           HIDDEN,       OK),
        endpoint(POST, "/plans/{draft}/alignment/links?pointId={point}&itemId={draftItem}&upper={upper}", LOGIN, REDIRECT, DENIED, DENIED, HIDDEN, DENIED),
        endpoint(POST, "/plans/{draft}/alignment/links/delete?pointId={point}&itemId={draftItem}", LOGIN, REDIRECT, DENIED, DENIED, HIDDEN, DENIED),
        endpoint(POST, "/plans/{draft}/alignment/items?pointId={point}&parentId=0", LOGIN, HIDDEN,     DENIED,       HIDDEN,       HIDDEN,       DENIED),
        endpoint(GET,  "/items/{draftItem}/alignment",                      LOGIN,        OK,           OK,           OK,           OK,           OK),
        // the public page (政务公开): the general office (the administrator here) decides; {publicPlan} is public, {published}
        // is not, a draft never is. The administrator's POSTs are refused after the permission check (a draft, not public).
        endpoint(GET,  "/plans/{published}/publication",                   LOGIN,        OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/plans/{draft}/publication?showProgress=true",      LOGIN,        REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(POST, "/plans/{published}/publication/withdraw?version=-1", LOGIN,       REDIRECT,     DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/public/plans",                                     OK,           OK,           OK,           OK,           OK,           OK),
        endpoint(GET,  "/public/plans/{publicPlan}",                        OK,           OK,           OK,           OK,           OK,           OK),
        endpoint(GET,  "/public/plans/{publicPlan}.docx",                   OK,           OK,           OK,           OK,           OK,           OK),
        endpoint(GET,  "/public/plans/{publicPlan}.pdf",                    OK,           OK,           OK,           OK,           OK,           OK),
        endpoint(GET,  "/public/plans/{published}",                         HIDDEN,       HIDDEN,       HIDDEN,       HIDDEN,       HIDDEN,       HIDDEN),
        endpoint(GET,  "/public/plans/{draft}.docx",                        HIDDEN,       HIDDEN,       HIDDEN,       HIDDEN,       HIDDEN,       HIDDEN),
        // the JSON API: problem details instead of pages and redirects
        endpoint(GET,  "/api/me",                                           UNAUTHORIZED, OK,           OK,           OK,           OK,           OK),
        endpoint(GET,  "/api/offices",                                      UNAUTHORIZED, OK,           OK,           OK,           DENIED,       OK),
        endpoint(GET,  "/api/schools",                                      UNAUTHORIZED, OK,           OK,           OK,           DENIED,       OK),
        endpoint(GET,  "/api/schools/{school}",                             UNAUTHORIZED, OK,           OK,           OK,           DENIED,       OK),
        endpoint(POST, "/api/schools",                                      UNAUTHORIZED, CREATED,      DENIED,       DENIED,       DENIED,       DENIED)
                .json(() -> "{\"name\":\"" + TestData.unique("接口小学") + "\",\"kind\":\"PRIMARY\",\"township\":\"测试镇\"}"),
        endpoint(POST, "/api/plans/import/preview",                         UNAUTHORIZED, OK,           DENIED,       DENIED,       DENIED,       DENIED)
                .text(() -> "一、重点工作\n1.推进学前教育。"),
        // operations
        endpoint(GET,  "/actuator/health",                                  OK,           OK,           OK,           OK,           OK,           OK),
        endpoint(GET,  "/actuator/health/db",                               HIDDEN,       OK,           HIDDEN,       HIDDEN,       HIDDEN,       HIDDEN),
        endpoint(GET,  "/actuator/info",                                    OK,           OK,           OK,           OK,           OK,           OK),
        endpoint(GET,  "/actuator",                                         UNAUTHORIZED, OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/actuator/metrics",                                 UNAUTHORIZED, OK,           DENIED,       DENIED,       DENIED,       DENIED),
        endpoint(GET,  "/actuator/metrics/jvm.memory.used",                 UNAUTHORIZED, OK,           DENIED,       DENIED,       DENIED,       DENIED));
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    SignIn signIn;

    /** The records the table's URLs name, made by {@link #makeRecords} (for other tests that walk the table). */
    static Map<String, Long> records() {
        return records;
    }
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeAll
    static void makeRecords(@Autowired TestData data, @Autowired PlanService plans, @Autowired OutlineService outline,
            @Autowired UserDetailsService users, @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc,
            @Autowired SignIn signIn, @Autowired ProgressReports reports, @Autowired NoticeService notices,
            @Autowired cn.workplan.notification.Notifications notifications, @Autowired Summaries summaries,
            @Autowired UpperDocuments upperDocuments, @Autowired Publications publications) {
        var admin = (CurrentUser) users.loadUserByUsername(data.user(Role.ADMIN));
        var staff = (CurrentUser) users.loadUserByUsername(signIn.login(Role.OFFICE_STAFF));
        var principal = (CurrentUser) users.loadUserByUsername(signIn.login(Role.PRINCIPAL));
        long otherOffice = data.office();
        var all = new HashMap<String, Long>(Map.of("office", otherOffice, "school", data.school(),
                "user", data.idOf(data.user(Role.INSPECTOR))));
        all.put("empty", plans.create(plan("空计划"), admin));
        for (var name : List.of("draft", "review", "published")) {
            long planId = plans.create(plan(name), admin);
            long chapterId = outline.addHeading(planId, null, NodeKind.CHAPTER, "第一章", "", admin);
            long itemId = outline.addItem(planId, chapterId, item(otherOffice, staff.officeId(), principal.schoolId()), admin);
            if (!name.equals("draft")) {
                plans.submit(planId, admin);
            }
            if (name.equals("published")) {
                plans.publish(planId, new PublishData("测教〔2026〕1号", LocalDate.of(2026, 2, 1)), admin);
            }
            all.put(name, planId);
            all.put(name.equals("draft") ? "chapter" : name + "Chapter", chapterId);
            all.put(name + "Item", itemId);
        }
        all.put("line", jdbc.sql("select id from assignment where item_id = :item and kind = 'LEAD'")
                .param("item", all.get("publishedItem")).query(Long.class).single());
        all.put("schoolLine", jdbc.sql("select id from assignment where item_id = :item and school_id = :school")
                .param("item", all.get("publishedItem")).param("school", principal.schoolId()).query(Long.class).single());
        all.put("officeLine", jdbc.sql("select id from assignment where item_id = :item and office_id = :office")
                .param("item", all.get("publishedItem")).param("office", staff.officeId()).query(Long.class).single());
        all.put("report", reports.save(all.get("schoolLine"), LocalDate.of(2026, 3, 1),
                new ReportData(Progress.IN_PROGRESS, 30, "三月进展", Map.of(), null),
                List.of(new Upload("照片.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})), true, principal));
        all.put("evidence", jdbc.sql("select id from evidence where report_id = :report").param("report", all.get("report"))
                .query(Long.class).single());
        all.put("summary", summaries.create(all.get("published"), new NewSummary(SummaryKind.MID_YEAR, null, null), admin).id());
        outline.comment(all.get("reviewItem"), "请细化目标。", admin);
        all.put("comment", jdbc.sql("select id from plan_comment where node_id = :item").param("item", all.get("reviewItem"))
                .query(Long.class).single());
        chain(all, plans, outline, jdbc, upperDocuments, publications, admin);
        notices(all, plans, outline, users, jdbc, signIn, notices, admin);
        long matrixAdmin = data.idOf(signIn.login(Role.ADMIN));
        notifications.send(List.of(matrixAdmin), "notification.reminder.line", List.of("测试", "测试任务。"), "/plans");
        all.put("notification", jdbc.sql("select max(id) from notification where user_id = :user").param("user", matrixAdmin)
                .query(Long.class).single());
        all.put("robot", jdbc.sql("""
                insert into notification_robot (scope, school_id, platform, webhook) values ('SCHOOL', :school, 'DINGTALK', :webhook)
                returning id""").param("school", data.school())
                .param("webhook", "http://127.0.0.1:9/robot/send?access_token=" + "0".repeat(64)).query(Long.class).single());
        all.put("delivery", jdbc.sql("""
                insert into notification_delivery (channel, robot_id, notification_id, audience, state, attempts, next_attempt_at,
                                                   last_error, queued_at)
                values ('ROBOT', :robot, :notification, cast(:audience as jsonb), 'FAILED', 24, now(), 'HTTP 502', now() - interval '1 day')
                returning id""").param("robot", all.get("robot")).param("notification", all.get("notification"))
                .param("audience", "[" + matrixAdmin + "]").query(Long.class).single());
        var requester = data.idOf(signIn.login(Role.PRINCIPAL));
        for (var extension : List.of(List.of("extension", "schoolLine", "PENDING"), List.of("decidedExtension", "officeLine", "REJECTED"))) {
            all.put(extension.get(0), jdbc.sql("""
                    insert into extension_request (assignment_id, item_id, current_deadline, proposed_deadline, reason, state, requested_by)
                    values (:line, :item, date '2026-06-30', date '2026-09-30', '设备未到货', :state, :user) returning id""")
                    .param("line", all.get(extension.get(1))).param("item", all.get("publishedItem")).param("state", extension.get(2))
                    .param("user", requester).query(Long.class).single());
        }
        records = Map.copyOf(all);
    }

    /** An upper-level document with a point, and a published plan on the public page. */
    private static void chain(Map<String, Long> all, PlanService plans, OutlineService outline,
            org.springframework.jdbc.core.simple.JdbcClient jdbc, UpperDocuments upperDocuments, Publications publications,
            CurrentUser admin) {
        var upper = upperDocuments.store(new NewUpperDocument(2026, TestData.unique("市教育局2026年工作要点"), "市教育局", null, null, "",
                Numbering.CONTINUOUS, "", List.of(new NewUpperDocument.Node(NodeKind.CHAPTER, "党建", ""),
                        new NewUpperDocument.Node(NodeKind.ITEM, "加强党的建设", "具体要求。"))));
        all.put("upper", upper.id());
        all.put("point", jdbc.sql("select id from upper_point where document_id = :document and linkable").param("document", upper.id())
                .query(Long.class).single());
        long planId = plans.create(plan("公开"), admin);
        outline.addItem(planId, outline.addHeading(planId, null, NodeKind.CHAPTER, "第一章", "", admin),
                item(all.get("office"), all.get("office"), all.get("school")), admin);
        plans.submit(planId, admin);
        plans.publish(planId, new PublishData("测教〔2026〕3号", LocalDate.of(2026, 2, 1)), admin);
        publications.publish(planId, new PublicationSettings("测-2026-1", "测试县教育局", "教育", true, null), admin);
        all.put("publicPlan", planId);
    }

    /** Anonymous people reach the public pages and the login, and nothing else: every other row sends them to log in. */
    @Test
    void anonymousPeopleReachThePublicPagesAndNothingElse() {
        var open = Map.of("/login", OK, "/actuator/health", OK, "/actuator/info", OK, "/actuator/health/db", HIDDEN);
        for (var row : table()) {
            var path = row.url().replaceFirst("\\?.*", "");
            var anonymous = row.expected(Caller.ANONYMOUS);
            if (path.startsWith("/public/")) {
                assertThat(anonymous).as(row.toString()).isIn(OK, HIDDEN);
            } else if (open.containsKey(path) && row.method() == GET) {
                assertThat(anonymous).as(row.toString()).isEqualTo(open.get(path));
            } else if (path.equals("/login") || path.equals("/logout")) {
                assertThat(anonymous).as(row.toString()).isIn(LOGIN_FAILED, LOGGED_OUT);
            } else {
                assertThat(anonymous).as(row.toString()).isIn(LOGIN, UNAUTHORIZED);
            }
        }
    }

    /** A published item led by the matrix's office, the matrix's school responsible, and a notice to each. */
    private static void notices(Map<String, Long> all, PlanService plans, OutlineService outline, UserDetailsService users,
            org.springframework.jdbc.core.simple.JdbcClient jdbc, SignIn signIn, NoticeService notices, CurrentUser admin) {
        var staff = (CurrentUser) users.loadUserByUsername(signIn.login(Role.OFFICE_STAFF));
        var principal = (CurrentUser) users.loadUserByUsername(signIn.login(Role.PRINCIPAL));
        var leader = (CurrentUser) users.loadUserByUsername(signIn.login(Role.LEADER));
        long planId = plans.create(plan("督办"), admin);
        long itemId = outline.addItem(planId, outline.addHeading(planId, null, NodeKind.CHAPTER, "第一章", "", admin),
                new ItemData("测试任务。", "", staff.officeId(), List.of(), List.of(principal.schoolId()),
                        ItemData.empty(staff.officeId()).targets(), null, null,
                        null, null, "", "", "", "", false, "", "", null), admin);
        plans.submit(planId, admin);
        plans.publish(planId, new PublishData("测教〔2026〕2号", LocalDate.of(2026, 2, 1)), admin);
        long line = jdbc.sql("select id from assignment where item_id = :item and school_id = :school").param("item", itemId)
                .param("school", principal.schoolId()).query(Long.class).single();
        var replyBy = LocalDate.now().plusDays(30);
        long notice = notices.issue(new NoticeData(itemId, null, "请加快进度。", replyBy), leader);
        notices.acknowledge(notice, staff);
        all.put("noticeItem", itemId);
        all.put("notice", notice);
        all.put("schoolNotice", notices.issue(new NoticeData(itemId, line, "请报送材料。", replyBy), leader));
    }

    private static PlanData plan(String title) {
        return new PlanData(2026, TestData.unique(title), PlanKind.WORK_POINTS, "", Numbering.CONTINUOUS, null);
    }

    private static ItemData item(long leadOfficeId, long cooperatingOfficeId, long schoolId) {
        var empty = ItemData.empty(leadOfficeId);
        return new ItemData("测试任务。", "", leadOfficeId, List.of(cooperatingOfficeId), List.of(schoolId), empty.targets(), null, null, null, null,
                "", "", "", "", false, "", "", null);
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("cells")
    void answersAsTheTableSays(Endpoint endpoint, Caller caller, Expect expected) throws Exception {
        var request = request(endpoint.method(), endpoint.url(records));
        if (endpoint.method() == POST) {
            request.with(csrf());
        }
        if (endpoint.body() != null) {
            request.contentType(endpoint.contentType()).content(endpoint.body().get());
        }
        if (caller.role != null) {
            request.with(signIn.as(caller.role));
        }
        // the login throttle counts failures per address and per login: each cell comes from an address of its
        // own, and the failed login of one cell must not hold back the next one's (LoginThrottleTest has the rules)
        request.with(SignIn.fromNewAddress());
        jdbc.sql("delete from login_throttle where key = 'login:nobody'").update();
        var response = mvc.perform(request).andReturn().getResponse();
        expected.verify(response, endpoint.isApi(), endpoint + " as " + caller);
    }

    /** Anybody may ask whether the application is up; only administrators see how its parts are. */
    @Test
    void onlyAdministratorsSeeHealthDetails() throws Exception {
        mvc.perform(get("/actuator/health").with(signIn.as(Role.ADMIN)))
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"));
        mvc.perform(get("/actuator/health").with(signIn.as(Role.LEADER)))
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health"))
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
    }

    static Stream<Arguments> cells() {
        return table().stream().flatMap(endpoint -> Arrays.stream(Caller.values())
                .map(caller -> Arguments.of(endpoint, caller, endpoint.expected(caller))));
    }

    /** Every handler of the application (controllers and actuator) is reached by some row of the table. */
    @Test
    void theTableListsEveryEndpointOfTheApplication(@Autowired List<RequestMappingInfoHandlerMapping> mappings) {
        var rows = table();
        var missing = mappings.stream()
                .flatMap(mapping -> mapping.getHandlerMethods().entrySet().stream())
                .filter(handler -> !isSpringErrorController(handler.getValue()))
                .map(Map.Entry::getKey)
                .filter(info -> rows.stream().noneMatch(row -> row.reaches(info)))
                .map(RequestMappingInfo::toString)
                .toList();
        assertThat(missing).as("endpoints without a row in the access table").isEmpty();
    }

    /** The error pages' controller (Spring Boot's, or the application's own): what the container shows after a failure. */
    static boolean isSpringErrorController(HandlerMethod handler) {
        return org.springframework.boot.web.servlet.error.ErrorController.class.isAssignableFrom(handler.getBeanType());
    }

    private static Endpoint endpoint(HttpMethod method, String url, Expect anonymous, Expect admin, Expect leader,
            Expect officeStaff, Expect principal, Expect inspector) {
        return new Endpoint(method, url, List.of(anonymous, admin, leader, officeStaff, principal, inspector), null, null);
    }

    /** The columns of the table. */
    enum Caller {
        ANONYMOUS(null), ADMIN(Role.ADMIN), LEADER(Role.LEADER), OFFICE_STAFF(Role.OFFICE_STAFF),
        PRINCIPAL(Role.PRINCIPAL), INSPECTOR(Role.INSPECTOR);

        final Role role;

        Caller(Role role) {
            this.role = role;
        }
    }

    /** A row of the table: a request and what each caller gets back. */
    record Endpoint(HttpMethod method, String url, List<Expect> byCaller, MediaType contentType, Supplier<String> body) {

        Endpoint json(Supplier<String> body) {
            return new Endpoint(method, url, byCaller, MediaType.APPLICATION_JSON, body);
        }

        Endpoint text(Supplier<String> body) {
            return new Endpoint(method, url, byCaller, new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8), body);
        }

        Expect expected(Caller caller) {
            return byCaller.get(caller.ordinal());
        }

        boolean isApi() {
            return url.startsWith("/api/") || url.startsWith("/actuator");
        }

        String url(Map<String, Long> records) {
            var resolved = url;
            for (var record : records.entrySet()) {
                resolved = resolved.replace("{" + record.getKey() + "}", record.getValue().toString());
            }
            return resolved;
        }

        boolean reaches(RequestMappingInfo info) {
            var methods = info.getMethodsCondition().getMethods();
            var path = PathContainer.parsePath(url(records).replaceFirst("\\?.*", ""));
            return (methods.isEmpty() || methods.contains(RequestMethod.valueOf(method.name())))
                    && info.getPatternValues().stream()
                            .anyMatch(pattern -> PathPatternParser.defaultInstance.parse(pattern).matches(path));
        }

        @Override
        public String toString() {
            return method + " " + url;
        }
    }

    /** A cell of the table: the answer a caller gets. */
    record Expect(String label, int status, String location) {

        /** 200: the page or JSON. */
        static final Expect OK = new Expect("200", 200, null);
        /** 201: created. */
        static final Expect CREATED = new Expect("201", 201, null);
        /** 302 somewhere other than the login page: a form done, sending the browser on. */
        static final Expect REDIRECT = new Expect("302", 302, "");
        /** 302 to the home page: the login page for someone logged in already. */
        static final Expect HOME = new Expect("302 /", 302, "/");
        /** 302 to the login page: a page asked for without logging in. */
        static final Expect LOGIN = new Expect("302 /login", 302, "http://localhost/login");
        static final Expect LOGIN_FAILED = new Expect("302 /login?error", 302, "/login?error");
        static final Expect LOGGED_OUT = new Expect("302 /login?logout", 302, "/login?logout");
        /** 401 with a WWW-Authenticate challenge: the API asked without credentials. */
        static final Expect UNAUTHORIZED = new Expect("401", 401, null);
        /** 403: logged in, but not in a role that may. */
        static final Expect DENIED = new Expect("403", 403, null);
        /** 404: health details are the administrators' only; to everyone else a component does not exist. */
        static final Expect HIDDEN = new Expect("404", 404, null);

        void verify(MockHttpServletResponse response, boolean api, String what) throws Exception {
            assertThat(response.getStatus()).as("%s: status", what).isEqualTo(status);
            if (location != null && location.isEmpty()) {
                assertThat(response.getRedirectedUrl()).as("%s: redirect", what).isNotNull().doesNotContain("/login");
            } else if (location != null) {
                assertThat(response.getRedirectedUrl()).as("%s: redirect", what).isEqualTo(location);
            }
            if (status == 401) {
                assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).as("%s: challenge", what).startsWith("Basic ");
            }
            if (api && (status == 401 || status == 403)) {
                assertThat(response.getContentType()).as("%s: content type", what).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                assertThat(response.getContentAsString()).as("%s: problem", what).contains("\"status\":" + status);
            }
        }

        @Override
        public String toString() {
            return label;
        }
    }
}
