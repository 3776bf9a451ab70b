package cn.workplan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import cn.workplan.support.DemoCountyTest;

/**
 * The demo county in a real browser: every demo account logs in on the Chinese login page, sees the
 * home page of its role and logs out; a principal does the same on a phone; English is a click away.
 * Screenshots land in {@code target/screenshots/} for a person to look at.
 */
@DemoCountyTest
class DemoJourneyBrowserTest {

    private static final String PASSWORD = "workplan";

    private static Chromium chromium;

    @LocalServerPort
    int port;

    private WebDriver driver;

    /** Without Chromium the whole class is skipped (or fails on CI) before the application starts. */
    @BeforeAll
    static void startBrowser() {
        Chromium.requireInstalled();
        chromium = Chromium.desktop(1280, 900);
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void freshSession() {
        driver = chromium.driver;
        driver.get(url("/login"));
        driver.manage().deleteAllCookies();
        chromium.consoleErrors();
    }

    @Test
    void adminSeesTheDirectoryOverview() {
        journey(chromium, "admin", "系统管理员", page -> {
            assertThat(heading(page)).isEqualTo("系统管理");
            assertThat(text(page, "#office-count")).isEqualTo("12");
            assertThat(text(page, "#school-count")).isEqualTo("30");
            assertThat(page.findElement(By.tagName("main")).getText()).contains("股室", "学校（启用）", "最近操作");
            assertThat(page.findElement(By.id("mainNav")).getText()).contains("股室管理", "学校管理", "账号管理", "操作日志");
        });
    }

    @Test
    void directorSeesTheOfficesInHisCharge() {
        journey(chromium, "director", "王建国", page -> {
            assertThat(heading(page)).isEqualTo("王建国，您好！");
            assertThat(page.findElement(By.tagName("main")).getText()).contains("我分管的股室", "全局股室（12 个）与学校（30 所）");
            assertThat(text(page, "#offices-in-charge")).contains("办公室", "刘芳");
            assertThat(page.findElement(By.id("mainNav")).getText()).doesNotContain("账号管理");
        });
    }

    @Test
    void generalOfficeSeesItsOffice() {
        journey(chromium, "office", "刘芳", page -> {
            assertThat(heading(page)).isEqualTo("办公室");
            assertThat(page.findElement(By.tagName("main")).getText())
                    .contains("刘芳，您好！", "负责人", "王建国", "您是本股室负责人", "本股室人员");
        });
    }

    @Test
    void basicEducationOfficeSeesItsOffice() {
        journey(chromium, "jijiao", "赵磊", page -> {
            assertThat(heading(page)).isEqualTo("基础教育股");
            assertThat(page.findElement(By.tagName("main")).getText()).contains("赵磊，您好！", "分管局领导", "张秀英");
        });
    }

    @Test
    void principalSeesTheSchool() {
        journey(chromium, "principal", "孙丽", page -> {
            assertThat(heading(page)).isEqualTo("城关镇第一小学");
            assertThat(page.findElement(By.tagName("main")).getText()).contains("孙丽，您好！", "小学", "城关镇");
        });
    }

    @Test
    void inspectorSeesTheSchoolsByTownship() {
        journey(chromium, "inspector", "周文", page -> {
            assertThat(heading(page)).isEqualTo("督学首页");
            // in the database's order (code points on the quick-start cluster), not by pinyin
            assertThat(texts(page.findElements(By.cssSelector("#townships .card-header")))).containsExactlyInAnyOrder(
                    "城关镇（7 所）", "青石镇（5 所）", "柳河镇（5 所）", "白水乡（4 所）", "龙泉乡（4 所）", "杏林乡（5 所）");
        });
    }

    @Test
    void principalOnAPhone() {
        try (var phone = Chromium.phone(390, 844)) {
            journey(phone, "principal", "孙丽", "principal-phone", page -> {
                assertThat(heading(page)).isEqualTo("城关镇第一小学");
                assertThat(page.findElement(By.cssSelector(".navbar-toggler")).isDisplayed()).as("navbar toggler").isTrue();
                assertThat(page.findElement(By.id("mainNav")).isDisplayed()).as("collapsed navigation").isFalse();
                assertThat(((Number) phone.driver.executeScript("return document.documentElement.scrollWidth")).intValue())
                        .as("page width").isLessThanOrEqualTo(390);
            });
        }
    }

    @Test
    void phoneMenuOpensWithTheToggler() {
        try (var phone = Chromium.phone(390, 844)) {
            var page = phone.driver;
            page.get(url("/login"));
            logIn(page, "principal");
            page.findElement(By.cssSelector(".navbar-toggler")).click();
            openedMenu(page);
            assertThat(text(page, "#mainNav")).contains("首页", "孙丽", "English");
            phone.screenshot("principal-phone-menu");
            logOut(page);
            assertThat(phone.consoleErrors()).as("browser console").isEmpty();
        }
    }

    @Test
    void switchesToEnglish() {
        driver.get(url("/login?lang=en"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(heading(driver)).isEqualTo("Workplan");
        assertThat(driver.findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo("Username");
        chromium.screenshot("login-en");
        logIn(driver, "principal");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Hello, 孙丽!", "Primary school");
        assertThat(driver.findElement(By.id("mainNav")).getText()).contains("Home", "中文");
        chromium.screenshot("principal-en");

        driver.findElement(By.linkText("中文")).click();
        wait(driver).until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "zh-CN"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("孙丽，您好！");
        logOut(driver);
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    private void journey(Chromium browser, String login, String name, Consumer<WebDriver> home) {
        journey(browser, login, name, login, home);
    }

    /** Login page in Chinese, log in, the role's home page, screenshot, log out. */
    private void journey(Chromium browser, String login, String name, String screenshot, Consumer<WebDriver> home) {
        var page = browser.driver;
        page.get(url("/login"));
        assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(page.getTitle()).isEqualTo("登录 · 工作计划管理");
        assertThat(heading(page)).isEqualTo("工作计划管理");
        assertThat(page.findElement(By.tagName("main")).getText()).contains("用户名", "密码", "教育局年度工作计划、任务分解与督查督办");
        assertThat(page.findElements(By.cssSelector("nav.navbar"))).as("no navigation before login").isEmpty();
        if (screenshot.equals("admin")) {
            browser.screenshot("login");
        }

        logIn(page, login);
        // textContent: on a phone the name sits in the collapsed navigation
        assertThat(page.findElement(By.id("current-user")).getAttribute("textContent")).isEqualTo(name);
        home.accept(page);
        browser.screenshot(screenshot);
        assertThat(browser.consoleErrors()).as("browser console").isEmpty();

        logOut(page);
        assertThat(text(page, "[role=status]")).isEqualTo("您已安全退出。");
        page.get(url("/"));
        assertThat(page.getCurrentUrl()).as("the session is gone").endsWith("/login");
    }

    private void logIn(WebDriver page, String login) {
        page.findElement(By.id("username")).sendKeys(login);
        page.findElement(By.id("password")).sendKeys(PASSWORD);
        page.findElement(By.cssSelector("form button[type=submit]")).click();
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
    }

    /** Through the menu, as a person would: open the collapsed navigation on a phone, then the user menu. */
    private void logOut(WebDriver page) {
        var toggler = page.findElement(By.cssSelector(".navbar-toggler"));
        if (toggler.isDisplayed() && !page.findElement(By.id("mainNav")).isDisplayed()) {
            toggler.click();
            openedMenu(page);
        }
        page.findElement(By.cssSelector("#mainNav .dropdown-toggle")).click();
        var logout = wait(page).until(ExpectedConditions.elementToBeClickable(By.cssSelector("form[action$='/logout'] button")));
        logout.click();
        wait(page).until(ExpectedConditions.urlContains("/login?logout"));
    }

    /** Waits for the collapsed navigation to finish opening: Bootstrap adds {@code show} after the animation. */
    private static void openedMenu(WebDriver page) {
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#mainNav.collapse.show")));
    }

    private static String heading(WebDriver page) {
        return page.findElement(By.tagName("h1")).getText();
    }

    private static String text(WebDriver page, String css) {
        return page.findElement(By.cssSelector(css)).getText();
    }

    private static WebDriverWait wait(WebDriver page) {
        return new WebDriverWait(page, Duration.ofSeconds(10));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }
}
