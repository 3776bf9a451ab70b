package cn.workplan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.workplan.support.DemoCountyTest;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * On a desktop: the general office (office) opens the demo plan's reports (总结报告), drafts this quarter's report,
 * edits a paragraph in place and saves it, and downloads the Word file, which holds the edited text. Screenshots in
 * {@code target/screenshots/summary-*.png}.
 */
@DemoCountyTest
@Import({TestPlans.class, TestData.class, TestClock.Configuration.class})
class SummaryBrowserTest {

    private static final String ITEM = "4.扩充普惠性学前教育资源。";
    private static final String EDITED = ITEM + "浏览器中修改：3所幼儿园主体工程已封顶，新增学位180个。";

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
    void theGeneralOfficeDraftsEditsAndDownloadsAQuarterlyReport() throws Exception {
        var page = chromium.driver;
        logIn(page, "office");

        // the demo county's plan of this year, and this quarter (the demo is loaded for the day the context starts)
        var today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        var title = "青山县教育局" + today.getYear() + "年第" + "一二三四".charAt(quarter - 1) + "季度重点工作推进情况";
        page.get(url("/plans"));
        click(page, page.findElement(By.linkText("青山县教育局" + today.getYear() + "年工作要点")));
        click(page, wait(page).until(ExpectedConditions.elementToBeClickable(By.id("plan-summaries-tab"))));
        click(page, wait(page).until(ExpectedConditions.elementToBeClickable(By.id("new-summary"))));

        click(page, wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("kind-QUARTERLY"))));
        new Select(page.findElement(By.id("quarter"))).selectByValue(Integer.toString(quarter));
        chromium.screenshot("summary-new");
        click(page, page.findElement(By.id("create-summary")));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("summary-form")));
        assertThat(page.findElement(By.cssSelector("[role=status]")).getText()).containsAnyOf("草稿已生成", "已经起草过");
        assertThat(page.findElement(By.id("summary-title")).getDomProperty("value")).isEqualTo(title);
        var summaryUrl = page.getCurrentUrl();
        chromium.screenshot("summary-draft");

        var paragraph = paragraph(page, ITEM);
        assertThat(paragraph.getDomProperty("value")).startsWith(ITEM);
        ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", paragraph);
        paragraph.clear();
        paragraph.sendKeys(EDITED);
        click(page, page.findElement(By.id("save-summary")));
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "修改已保存"));
        assertThat(page.getCurrentUrl()).isEqualTo(summaryUrl);
        assertThat(paragraph(page, ITEM).getDomProperty("value")).isEqualTo(EDITED);
        assertThat(page.findElement(By.id("summary-meta")).getText()).contains("刘芳于", "修改");
        chromium.screenshot("summary-edited");

        var link = page.findElement(By.id("summary-docx")).getDomProperty("href");
        var session = page.manage().getCookieNamed("JSESSIONID");
        var response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(
                HttpRequest.newBuilder(URI.create(link)).header("Cookie", "JSESSIONID=" + session.getValue()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value).contains(".docx"));
        try (var document = new XWPFDocument(new ByteArrayInputStream(response.body()))) {
            assertThat(document.getParagraphs().stream().map(XWPFParagraph::getText))
                    .contains(title, "一、坚持党建引领，夯实教育发展根基", EDITED);
        }
        assertThat(chromium.consoleErrors()).as("browser console").isEmpty();
    }

    /** The paragraph's box whose text starts so. */
    private static WebElement paragraph(WebDriver page, String start) {
        return wait(page).until(driver -> driver.findElements(By.cssSelector("textarea.summary-paragraph")).stream()
                .filter(area -> area.getDomProperty("value").startsWith(start)).findFirst().orElse(null));
    }

    private void logIn(WebDriver page, String login) {
        page.get(url("/login"));
        page.manage().deleteAllCookies();
        page.get(url("/login"));
        page.findElement(By.id("username")).sendKeys(login);
        page.findElement(By.id("password")).sendKeys("workplan");
        click(page, page.findElement(By.cssSelector("main form button[type=submit]")));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
    }

    /** Clicks like a person who first scrolled the element into the middle of the window. */
    private static void click(WebDriver page, WebElement element) {
        wait(page).ignoring(ElementClickInterceptedException.class).until(driver -> {
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
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
