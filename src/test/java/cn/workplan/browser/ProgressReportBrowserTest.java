package cn.workplan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import javax.imageio.ImageIO;

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
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * On a phone: the demo principal sends this period's report with a photo; 基础教育股 returns it with a comment;
 * the principal reads the comment and sends it again; 基础教育股 approves it, and the item's light and
 * consolidated progress change.
 */
@DemoCountyTest
@Import({TestPlans.class, TestData.class, TestClock.Configuration.class})
class ProgressReportBrowserTest {

    private static Chromium chromium;
    private static Path photo;

    @LocalServerPort
    int port;
    @Autowired
    TestPlans plans;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() throws IOException {
        Chromium.requireInstalled();
        chromium = Chromium.phone(390, 844);
        var image = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(40, 120, 200));
        graphics.fillRect(0, 0, 120, 90);
        graphics.dispose();
        photo = Files.createTempFile("教室", ".jpg");
        ImageIO.write(image, "jpg", photo.toFile());
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        Files.deleteIfExists(photo);
    }

    @Test
    void sendReturnCorrectApprove() {
        var principal = (CurrentUser) users.loadUserByUsername("principal");
        var jijiao = (CurrentUser) users.loadUserByUsername("jijiao");
        var today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        var plan = plans.draft((CurrentUser) users.loadUserByUsername("office"), today.getYear(), Numbering.CONTINUOUS);
        var deadline = today.getDayOfYear() == 1 ? today : today.minusDays(1);
        long item = plan.item(plan.chapter("信息化"), ItemSpec.item("完成智慧教室改造。").lead(jijiao.officeId())
                .schools(principal.schoolId()).due(deadline));
        plan.publish();
        long line = jdbc.sql("select id from assignment where item_id = :item and school_id = :school")
                .param("item", item).param("school", principal.schoolId()).query(Long.class).single();
        var page = chromium.driver;

        signIn(page, "principal");
        page.get(url("/reports"));
        click(page, wait(page).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#due-reports a[href*='/lines/" + line + "/reports/']"))));
        fillAndSend(page, "60", "完成设备招标，已安装 6 间教室。");
        assertThat(page.findElement(By.id("report-state")).getText()).contains("已报送");
        assertThat(page.findElements(By.cssSelector(".evidence-list img"))).hasSize(1);
        chromium.screenshot("report-sent-phone");

        signIn(page, "jijiao");
        page.get(url("/items/" + item + "/lines"));
        var before = page.findElement(By.id("item-progress")).getText();
        assertThat(before).contains("0%");
        var lightBefore = page.findElement(By.id("item-light")).getText();
        assertThat(lightBefore).isIn("逾期", "预警");
        page.get(url("/reports"));
        click(page, wait(page).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#pending-reviews a[href*='/lines/" + line + "/reports/']"))));
        page.findElement(By.id("review-comment")).sendKeys("请补充改造后的教室照片，并写明剩余教室的完成时间。");
        click(page, page.findElement(By.id("return-report")));
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "已退回"));

        signIn(page, "principal");
        page.get(url("/reports"));
        assertThat(page.findElement(By.id("due-reports")).getText()).contains("请补充改造后的教室照片");
        click(page, page.findElement(By.cssSelector("#due-reports a[href*='/lines/" + line + "/reports/']")));
        assertThat(page.findElement(By.id("returned")).getText()).contains("请补充改造后的教室照片");
        click(page, page.findElement(By.cssSelector("label[for='progress-DONE']")));
        var narrative = page.findElement(By.id("narrative"));
        narrative.clear();
        fillAndSend(page, "100", "全部 10 间教室改造完成，照片见附件。");
        chromium.screenshot("report-resent-phone");

        signIn(page, "jijiao");
        page.get(url("/lines/" + line + "/reports/" + today.toString().substring(0, 7)));
        click(page, wait(page).until(ExpectedConditions.elementToBeClickable(By.id("approve-report"))));
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "已审核通过"));
        page.get(url("/items/" + item + "/lines"));
        assertThat(page.findElement(By.id("item-progress")).getText()).contains("100%");
        assertThat(page.findElement(By.id("item-light")).getText()).isEqualTo("正常");
        chromium.screenshot("item-lines-after-approval-phone");
    }

    private void fillAndSend(WebDriver page, String percent, String text) {
        var field = wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("percent")));
        field.clear();
        field.sendKeys(percent);
        page.findElement(By.id("narrative")).sendKeys(text);
        page.findElement(By.id("files")).sendKeys(photo.toAbsolutePath().toString());
        click(page, page.findElement(By.id("send-report")));
        try {
            wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "已报送"));
        } catch (RuntimeException e) {
            chromium.screenshot("report-send-failed");
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
