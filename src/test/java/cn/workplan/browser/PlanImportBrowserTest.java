package cn.workplan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import cn.workplan.support.DemoCountyTest;

/** The general office pastes a small plan, makes one item a sub-point on the preview, confirms, and sees the outline. */
@DemoCountyTest
class PlanImportBrowserTest {

    private static final String PLAN = """
            浏览器导入的2031年工作要点
            一、坚持党建引领
            1.加强党的建设。落实全面从严治党。
            2.开展主题党日活动。每月一次。
            二、守牢安全底线
            3.落实校园安全责任。
            """;

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
    void pasteChangeALevelAndConfirm() {
        var page = chromium.driver;
        page.get(url("/login"));
        page.findElement(By.id("username")).sendKeys("office");
        page.findElement(By.id("password")).sendKeys("workplan");
        click(page, page.findElement(By.cssSelector("main form button[type=submit]")));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));

        page.get(url("/plans"));
        click(page, page.findElement(By.id("import-plan")));
        var text = wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("text")));
        ((JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1]", text, PLAN);
        click(page, page.findElement(By.id("read-import")));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".import-node")));

        var node = node(page, "开展主题党日活动");
        click(page, node.findElement(By.tagName("summary")));
        new Select(node.findElement(By.cssSelector("form.change-kind select"))).selectByValue("POINT");
        click(page, node.findElement(By.cssSelector("form.change-kind button")));
        // the page reloads after the change: until it has, the row may be missing or stale
        wait(page).until(driver -> find(driver, "开展主题党日活动")
                .map(row -> "POINT".equals(row.getAttribute("data-kind"))).orElse(false));

        click(page, page.findElement(By.id("confirm-import-0")));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("outline")));
        assertThat(page.findElement(By.tagName("main")).getText())
                .contains("已导入 2 项任务").contains("加强党的建设").contains("开展主题党日活动").contains("落实校园安全责任");
    }

    private static WebElement node(WebDriver page, String headline) {
        return find(page, headline).orElseThrow();
    }

    private static Optional<WebElement> find(WebDriver page, String headline) {
        return page.findElements(By.cssSelector(".import-node")).stream()
                .filter(row -> row.findElement(By.cssSelector(".node-headline")).getText().equals(headline))
                .findFirst();
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
