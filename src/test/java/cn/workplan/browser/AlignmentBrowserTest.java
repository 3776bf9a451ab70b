package cn.workplan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

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

import org.springframework.boot.test.web.server.LocalServerPort;

import cn.workplan.support.DemoCountyTest;

/**
 * The general office drafts a new plan beside the city's work points of the demo (云岭市教育局2026年工作要点): on the plan's
 * 对标 page the document stands beside the outline; a point becomes a new item (its headline copied, the link kept) and
 * another point is linked to that item; the item's page then names both points. On a phone the document is a drawer.
 * Screenshots in {@code target/screenshots/alignment-*.png}.
 */
@DemoCountyTest
class AlignmentBrowserTest {

    private static Chromium desktop;
    private static Chromium phone;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowsers() {
        Chromium.requireInstalled();
        desktop = Chromium.desktop(1280, 1000);
        phone = Chromium.phone(390, 844);
    }

    @AfterAll
    static void stopBrowsers() {
        if (desktop != null) {
            desktop.close();
        }
        if (phone != null) {
            phone.close();
        }
    }

    @Test
    void draftAPlanBesideTheCitysPoints() {
        var page = desktop.driver;
        logIn(page, "office");
        page.get(url("/plans/new"));
        page.findElement(By.id("year")).clear();
        var year = java.time.LocalDate.now().getYear(); // the demo's plan and the city's points are of the year it is loaded in
        page.findElement(By.id("year")).sendKeys(String.valueOf(year));
        page.findElement(By.id("title")).sendKeys("对标起草的" + year + "年工作要点" + System.nanoTime() % 100000);
        submit(page);
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("outline")));
        var planPath = page.getCurrentUrl().replaceFirst("^https?://[^/]+", "").replaceFirst("[#?].*", "");
        var form = page.findElement(By.id("add-chapter"));
        form.findElement(By.name("headline")).sendKeys("守牢校园安全底线");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("outline"), "守牢校园安全底线"));

        click(page, page.findElement(By.id("plan-alignment-tab")));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("upper-points")));
        assertThat(page.findElement(By.id("upper-panel")).isDisplayed()).as("beside the plan on a wide screen").isTrue();
        assertThat(page.findElement(By.id("beside-counts")).getText()).contains("云岭市教育局" + year + "年工作要点", "34 条要点，已对标 0 条");

        // point 25 becomes an item of the chapter: its headline copied, the link kept
        click(page, point(page, "25.加强学生防溺水教育"));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("chosen-point")));
        assertThat(page.findElement(By.id("chosen-headline")).getText()).isEqualTo("25.加强学生防溺水教育");
        new Select(page.findElement(By.id("parentId"))).selectByVisibleText("一、守牢校园安全底线");
        click(page, page.findElement(By.id("turn-into-item-button")));
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan-outline"), "1.加强学生防溺水教育"));
        assertThat(badges(page, "1.加强学生防溺水教育")).containsExactly("第25条");
        assertThat(page.findElement(By.cssSelector("main .alert-success")).getText()).contains("已转为新任务");

        // point 24 is linked to the same item
        click(page, point(page, "24.落实校园安全责任"));
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("chosen-headline"), "24.落实校园安全责任"));
        click(page, itemRow(page, "1.加强学生防溺水教育").findElement(By.cssSelector(".link-item")));
        // the outline's rows are swapped while the link is saved: a row missing for a moment is waited for, not a failure
        wait(page).ignoring(AssertionError.class).until(driver -> badges(driver, "1.加强学生防溺水教育").size() == 2);
        assertThat(badges(page, "1.加强学生防溺水教育")).containsExactly("第24条", "第25条");
        assertThat(page.findElement(By.id("beside-counts")).getText()).contains("34 条要点，已对标 2 条");
        assertThat(itemRow(page, "1.加强学生防溺水教育").findElements(By.cssSelector(".unlink-item"))).hasSize(1);
        desktop.screenshot("alignment-beside");
        assertThat(desktop.consoleErrors()).as("browser console").isEmpty();

        // the item's page names the points it carries out
        page.get(url(planPath));
        click(page, page.findElement(By.linkText("加强学生防溺水教育")));
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("item-alignment"), "落实上级要点"));
        assertThat(page.findElement(By.id("item-alignment")).getText())
                .contains("云岭市教育局要点第24条 落实校园安全责任", "云岭市教育局要点第25条 加强学生防溺水教育");
        assertThat(desktop.consoleErrors()).as("browser console").isEmpty();

        // on a phone the document is a drawer, opened by its button
        var small = phone.driver;
        logIn(small, "office");
        small.get(url(planPath + "/alignment"));
        assertThat(small.findElement(By.id("upper-panel")).isDisplayed()).as("a drawer, closed").isFalse();
        click(small, small.findElement(By.id("open-upper")));
        wait(small).until(ExpectedConditions.visibilityOfElementLocated(By.id("upper-points")));
        // the drawer slides in: a click during the slide may land beside the point, so wait until it is fully open
        wait(small).until(driver -> {
            var classes = List.of(driver.findElement(By.id("upper-panel")).getDomAttribute("class").split("\\s+"));
            return classes.contains("show") && !classes.contains("showing");
        });
        click(small, point(small, "9.深化集团化办学"));
        wait(small).until(ExpectedConditions.textToBePresentInElementLocated(By.id("chosen-headline"), "9.深化集团化办学"));
        phone.screenshot("alignment-phone");
        assertThat(phone.consoleErrors()).as("browser console on the phone").isEmpty();
    }

    private static WebElement point(WebDriver page, String text) {
        return page.findElements(By.cssSelector("#upper-points .choose-point")).stream().filter(link -> link.getText().equals(text))
                .findFirst().orElseThrow(() -> new AssertionError("no point " + text));
    }

    private static WebElement itemRow(WebDriver page, String text) {
        return page.findElements(By.cssSelector("#plan-outline .beside-node[data-kind=ITEM]")).stream()
                .filter(row -> row.findElement(By.cssSelector(".beside-item")).getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + text));
    }

    private static List<String> badges(WebDriver page, String item) {
        return itemRow(page, item).findElements(By.cssSelector(".linked-point")).stream().map(WebElement::getText).toList();
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

    private static void submit(WebDriver page) {
        click(page, page.findElement(By.cssSelector("main form button[type=submit]")));
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
