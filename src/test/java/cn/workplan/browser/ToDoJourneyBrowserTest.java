package cn.workplan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.workplan.account.CurrentUser;
import cn.workplan.plan.Numbering;
import cn.workplan.support.DemoCountyTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Work finds people (issue #14): one plan of the demo county from its draft to its first report, each step found on the
 * home page's to-do list (待办) of the person who must act, and gone from it once done. The general office sends the plan
 * for review and the director finds it; the director comments and the office finds the comment to answer; publishing
 * puts the school's task on its principal's list; the report sent is on the lead office's list, returned it is back on the
 * principal's; a supervision notice waits there for signing. Screenshots in {@code target/screenshots/todo-*.png}.
 *
 * <p>Shares its application (the demo county, on a real port) with the other browser tests that import the same support.
 */
@DemoCountyTest
@Import({TestPlans.class, TestData.class, TestClock.Configuration.class})
class ToDoJourneyBrowserTest {

    private static Chromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    TestPlans plans;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() {
        Chromium.requireInstalled();
        chromium = Chromium.desktop(1280, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void fromDraftToTheFirstReport() {
        var office = login("office");
        var principal = login("principal");
        var jijiao = login("jijiao");
        var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        var draft = plans.draft(office, today.getYear(), Numbering.CONTINUOUS);
        long item = draft.item(draft.chapter("办学条件"), ItemSpec.item("完成校园直饮水改造。").lead(jijiao.officeId())
                .schools(principal.schoolId()).due(LocalDate.of(today.getYear(), 12, 31)));
        var planLink = "/plans/" + draft.id();
        var page = chromium.driver;

        // the general office sends the plan for review: the director finds it on the home page
        signIn(page, "office");
        page.get(url(planLink));
        click(page, page.findElement(By.id("submit-review")));
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "审阅中"));

        signIn(page, "director");
        openToDo(page, "plan.review", planLink);
        assertThat(page.getCurrentUrl()).endsWith(planLink);
        page.get(url("/items/" + item));
        page.findElement(By.id("comment")).sendKeys("请写明改造的学校数和完成时间。");
        click(page, page.findElement(By.cssSelector("#comments form:not(.answer-form) button[type=submit]")));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#comments .comment-open")));
        long comment = jdbc.sql("select id from plan_comment where node_id = :item").param("item", item).query(Long.class).single();
        var commentLink = "/items/" + item + "#comment-" + comment;

        // the office finds the comment, answers it, and the entry goes
        signIn(page, "office");
        openToDo(page, "plan.commentAnswer", commentLink);
        page.findElement(By.id("answer-" + comment)).sendKeys("已写明：城关镇第一小学，年底前完成。");
        click(page, page.findElement(By.cssSelector("#comment-" + comment + " .answer-form button[type=submit]")));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#comment-" + comment + ".comment-answered")));
        assertGone(page, "plan.commentAnswer", commentLink);

        // the director publishes: the review leaves the director's list, the school's task arrives on its principal's
        signIn(page, "director");
        page.get(url(planLink));
        click(page, page.findElement(By.id("publish")));
        page.findElement(By.id("documentNumber")).sendKeys("青教〔" + today.getYear() + "〕" + ThreadLocalRandom.current().nextInt(500, 99_999) + "号");
        ((JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1]", page.findElement(By.id("issueDate")), today.toString());
        click(page, page.findElement(By.id("confirm-publish")));
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "已发布"));
        assertGone(page, "plan.review", planLink);

        long line = jdbc.sql("select id from assignment where item_id = :item and school_id = :school")
                .param("item", item).param("school", principal.schoolId()).query(Long.class).single();
        var reportLink = "/lines/" + line + "/reports/" + today.toString().substring(0, 7);
        signIn(page, "principal");
        openToDo(page, "report.due", reportLink);
        send(page, "40", "已完成设备采购，正在安装。");
        assertGone(page, "report.due", reportLink);

        // the lead office finds the report to review and returns it: it is back on the principal's list
        signIn(page, "jijiao");
        openToDo(page, "report.review", reportLink);
        page.findElement(By.id("review-comment")).sendKeys("请补充已安装的台数。");
        click(page, page.findElement(By.id("return-report")));
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "已退回"));
        assertGone(page, "report.review", reportLink);

        signIn(page, "principal");
        var returned = toDo(page, "report.returned", reportLink);
        assertThat(returned.getAttribute("textContent")).contains("请补充已安装的台数。");
        chromium.screenshot("todo-principal-home");
        openToDo(page, "report.returned", reportLink);
        var narrative = page.findElement(By.id("narrative"));
        narrative.clear();
        send(page, "60", "已安装12台，其余月底前完成。");
        assertGone(page, "report.returned", reportLink);

        // a supervision notice to the school waits for signing, and goes once signed
        signIn(page, "director");
        page.get(url("/notices/new?itemId=" + item + "&lineId=" + line));
        page.findElement(By.id("matter")).sendKeys("请加快安装进度，月底前全部完成。");
        click(page, page.findElement(By.cssSelector("#notice-form button[type=submit]")));
        wait(page).until(ExpectedConditions.urlMatches("/notices/\\d+$"));
        var noticeLink = page.getCurrentUrl().substring(url("").length());

        signIn(page, "principal");
        openToDo(page, "notice.acknowledge", noticeLink);
        click(page, page.findElement(By.cssSelector("#acknowledge-form button[type=submit]")));
        wait(page).until(ExpectedConditions.invisibilityOfElementLocated(By.id("acknowledge-form")));
        assertGone(page, "notice.acknowledge", noticeLink);
        assertThat(chromium.consoleErrors()).as("browser console").isEmpty();
    }

    private CurrentUser login(String login) {
        return (CurrentUser) users.loadUserByUsername(login);
    }

    /** The home page's entry of the kind with the link; fails when it is not there. */
    private WebElement toDo(WebDriver page, String kind, String link) {
        page.get(url("/"));
        var entry = By.cssSelector("#todo a.todo-entry[data-kind='" + kind + "'][href='" + link + "']");
        var found = page.findElements(entry);
        if (found.isEmpty() && !page.findElements(By.id("todo-more")).isEmpty()) {
            // the home page writes out the first twelve; 还有 N 项 leads to the whole list
            click(page, page.findElement(By.id("todo-more")));
            wait(page).until(ExpectedConditions.urlToBe(url("/todo")));
            found = page.findElements(entry);
        }
        assertThat(found).as("%s on the to-do list: %s", kind, link).hasSize(1);
        return found.get(0);
    }

    /** Finds the entry on the home page (or, past the first twelve, on the whole list) and follows it. */
    private void openToDo(WebDriver page, String kind, String link) {
        var entry = toDo(page, kind, link);
        var from = page.getCurrentUrl();
        click(page, entry);
        wait(page).until(ExpectedConditions.not(ExpectedConditions.urlToBe(from)));
    }

    /** Gone from the whole list, not only from the home page's first entries. */
    private void assertGone(WebDriver page, String kind, String link) {
        page.get(url("/todo"));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#todo, #todo-none")));
        assertThat(page.findElements(By.cssSelector("#todo a.todo-entry[data-kind='" + kind + "'][href='" + link + "']")))
                .as("%s done: gone from the to-do list", kind).isEmpty();
    }

    private void send(WebDriver page, String percent, String text) {
        var field = wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("percent")));
        field.clear();
        field.sendKeys(percent);
        page.findElement(By.id("narrative")).sendKeys(text);
        click(page, page.findElement(By.id("send-report")));
        try {
            wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "已报送"));
        } catch (RuntimeException e) {
            chromium.screenshot("todo-report-send-failed");
            throw new AssertionError(page.findElement(By.tagName("main")).getText(), e);
        }
    }

    private void signIn(WebDriver page, String login) {
        page.manage().deleteAllCookies();
        page.get(url("/login"));
        page.findElement(By.id("username")).sendKeys(login);
        page.findElement(By.id("password")).sendKeys("workplan");
        click(page, page.findElement(By.cssSelector("main form button[type=submit]")));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
    }

    private static void click(WebDriver page, WebElement element) {
        ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static WebDriverWait wait(WebDriver page) {
        return (WebDriverWait) new WebDriverWait(page, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class);
    }
}
