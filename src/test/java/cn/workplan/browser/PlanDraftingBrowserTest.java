package cn.workplan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import cn.workplan.support.DemoCountyTest;

/**
 * The general office drafts a small plan in the browser (two chapters, four items), reorders it with the
 * keyboard and the "move to" dialog, watches the numbers follow, sends it for review; the director
 * publishes it with a document number. Screenshots in {@code target/screenshots/plan-*.png}.
 */
@DemoCountyTest
class PlanDraftingBrowserTest {

    private static Chromium chromium;

    @LocalServerPort
    int port;

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
    void draftReorderAndPublishAPlan() {
        var page = chromium.driver;
        logIn(page, "office");

        page.get(url("/plans/new"));
        page.findElement(By.id("year")).clear();
        page.findElement(By.id("year")).sendKeys("2027");
        page.findElement(By.id("title")).sendKeys("浏览器起草的2027年工作要点");
        page.findElement(By.id("preamble")).sendKeys("2027年全县教育工作的总体要求。");
        submit(page);
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("outline")));
        var planUrl = page.getCurrentUrl();

        addChapter(page, "坚持党建引领");
        addChapter(page, "守牢安全底线");
        addItem(page, "坚持党建引领", "加强党的建设。", "办公室");
        addItem(page, "坚持党建引领", "深化师德师风建设。", "人事股");
        addItem(page, "守牢安全底线", "落实校园安全责任。", "学校安全管理办公室");
        addItem(page, "守牢安全底线", "加强防溺水教育。", "学校安全管理办公室");
        page.get(planUrl);
        assertThat(numberedItems(page)).containsExactly(
                "1. 加强党的建设。", "2. 深化师德师风建设。", "3. 落实校园安全责任。", "4. 加强防溺水教育。");
        assertThat(chapters(page)).containsExactly("一、 坚持党建引领", "二、 守牢安全底线");

        // Alt+Up on the focused row moves 防溺水 above 校园安全: the numbers follow without a page load
        var row = itemRow(page, "加强防溺水教育。");
        row.click();
        row.sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_UP));
        wait(page).ignoring(IndexOutOfBoundsException.class).until(driver -> numberedItems(driver).get(2).equals("3. 加强防溺水教育。"));
        assertThat(numberedItems(page)).containsExactly(
                "1. 加强党的建设。", "2. 深化师德师风建设。", "3. 加强防溺水教育。", "4. 落实校园安全责任。");

        // "move to" puts 党的建设 at the end of the second chapter: it becomes item 4, everything else moves up
        itemRow(page, "加强党的建设。").findElement(By.cssSelector(".move-to")).click();
        var dialog = wait(page).until(ExpectedConditions.visibilityOfElementLocated(By.id("move-dialog")));
        new Select(dialog.findElement(By.id("move-parent"))).selectByVisibleText("二、守牢安全底线");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        wait(page).ignoring(IndexOutOfBoundsException.class).until(driver -> numberedItems(driver).get(3).equals("4. 加强党的建设。"));
        assertThat(numberedItems(page)).containsExactly(
                "1. 深化师德师风建设。", "2. 加强防溺水教育。", "3. 落实校园安全责任。", "4. 加强党的建设。");
        // drag and drop: 党的建设 taken by its handle and dropped on 师德师风 comes first again
        var handle = itemRow(page, "加强党的建设。").findElement(By.cssSelector(".drag-handle"));
        var target = itemRow(page, "深化师德师风建设。");
        new Actions(page).clickAndHold(handle).pause(Duration.ofMillis(200)).moveToElement(target, 0, -5)
                .pause(Duration.ofMillis(200)).moveToElement(target, 0, -8).pause(Duration.ofMillis(200)).release().perform();
        wait(page).ignoring(IndexOutOfBoundsException.class).until(driver -> numberedItems(driver).get(0).equals("1. 加强党的建设。"));
        page.get(planUrl);
        assertThat(numberedItems(page)).as("the new order is saved").containsExactly(
                "1. 加强党的建设。", "2. 深化师德师风建设。", "3. 加强防溺水教育。", "4. 落实校园安全责任。");
        chromium.screenshot("plan-outline");
        assertThat(chromium.consoleErrors()).as("browser console").isEmpty();

        page.findElement(By.id("submit-review")).click();
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "审阅中"));
        logOut(page);

        logIn(page, "director");
        page.get(planUrl);
        page.findElement(By.id("publish")).click();
        page.findElement(By.id("documentNumber")).sendKeys("青教〔2027〕1号");
        var issueDate = page.findElement(By.id("issueDate"));
        ((JavascriptExecutor) page).executeScript("arguments[0].value = '2027-02-08'", issueDate);
        page.findElement(By.id("confirm-publish")).click();
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "已发布"));
        assertThat(page.findElement(By.tagName("main")).getText()).contains("青教〔2027〕1号，2027年2月8日印发");
        assertThat(page.findElements(By.cssSelector(".move-up"))).as("a published outline is frozen").isEmpty();

        page.findElement(By.linkText("公文视图")).click();
        var document = page.findElement(By.id("document")).getText();
        assertThat(document).contains("青教〔2027〕1号", "浏览器起草的2027年工作要点", "一、坚持党建引领", "1.加强党的建设。",
                "2.深化师德师风建设。", "二、守牢安全底线", "4.落实校园安全责任。", "2027年2月8日");
        chromium.screenshot("plan-document");
        assertThat(chromium.consoleErrors()).as("browser console").isEmpty();
        logOut(page);
    }

    private void addChapter(WebDriver page, String headline) {
        var form = page.findElement(By.id("add-chapter"));
        form.findElement(By.name("headline")).sendKeys(headline);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait(page).until(driver -> chapters(driver).stream().anyMatch(chapter -> chapter.endsWith(headline)));
    }

    private void addItem(WebDriver page, String chapter, String headline, String leadOffice) {
        var chapterNode = page.findElements(By.cssSelector(".outline-node[data-kind=CHAPTER]")).stream()
                .filter(node -> node.findElement(By.cssSelector(".outline-headline")).getText().equals(chapter))
                .findFirst().orElseThrow();
        click(page, chapterNode.findElement(By.cssSelector(":scope > .outline-add-item")));
        page.findElement(By.id("headline")).sendKeys(headline);
        new Select(page.findElement(By.id("leadOfficeId"))).selectByVisibleText(leadOffice);
        click(page, page.findElement(By.cssSelector("[data-school-select=all]")));
        new Select(page.findElement(By.id("deadlineKind"))).selectByValue("YEAR_END");
        page.findElement(By.id("q1")).sendKeys("制定方案");
        submit(page);
        // back on the plan's page (the form's own address also contains the plan's, so wait for the form to be left)
        wait(page).until(ExpectedConditions.urlMatches("/plans/\\d+(#.*)?$"));
    }

    private static List<String> numberedItems(WebDriver page) {
        return page.findElements(By.cssSelector(".outline-node[data-kind=ITEM] > .outline-row")).stream()
                .map(row -> row.findElement(By.cssSelector(".outline-number")).getText() + " "
                        + row.findElement(By.cssSelector(".outline-headline a")).getText())
                .toList();
    }

    private static List<String> chapters(WebDriver page) {
        return page.findElements(By.cssSelector(".outline-node[data-kind=CHAPTER] > .outline-row")).stream()
                .map(row -> row.findElement(By.cssSelector(".outline-number")).getText() + " "
                        + row.findElement(By.cssSelector(".outline-headline")).getText())
                .toList();
    }

    private static WebElement itemRow(WebDriver page, String headline) {
        return page.findElements(By.cssSelector(".outline-node[data-kind=ITEM] > .outline-row")).stream()
                .filter(row -> row.findElement(By.cssSelector(".outline-headline a")).getText().equals(headline))
                .findFirst().orElseThrow();
    }

    private void logIn(WebDriver page, String login) {
        page.get(url("/login"));
        page.manage().deleteAllCookies();
        page.get(url("/login"));
        page.findElement(By.id("username")).sendKeys(login);
        page.findElement(By.id("password")).sendKeys("workplan");
        submit(page);
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
    }

    private void logOut(WebDriver page) {
        page.findElement(By.cssSelector("#mainNav .dropdown-toggle")).click();
        wait(page).until(ExpectedConditions.elementToBeClickable(By.cssSelector("form[action$='/logout'] button"))).click();
        wait(page).until(ExpectedConditions.urlContains("/login?logout"));
    }

    private static void submit(WebDriver page) {
        click(page, page.findElement(By.cssSelector("main form button[type=submit]")));
    }

    /**
     * Clicks like a person who first scrolled the element into the middle of the window. Bootstrap scrolls
     * smoothly, so the scroll is made instant and repeated until the click lands.
     */
    private static void click(WebDriver page, WebElement element) {
        wait(page).ignoring(ElementClickInterceptedException.class).until(driver -> {
            ((JavascriptExecutor) driver).executeScript(
                    "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
            element.click();
            return true;
        });
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static WebDriverWait wait(WebDriver page) {
        return (WebDriverWait) new WebDriverWait(page, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class);
    }
}
