package cn.workplan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.workplan.support.DemoCountyTest;

/**
 * The director opens the dashboard of the demo plan: the tiles show, every chart is drawn with data, and a click
 * on a lead office's bar in the ranking opens the list of that office's items.
 */
@DemoCountyTest
class DashboardBrowserTest {

    private static Chromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() {
        Chromium.requireInstalled();
        chromium = Chromium.desktop(1366, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void chartsDrawAndAnOfficesBarOpensItsItems() {
        // the demo county's plan of this year (the demo is loaded for the day it starts)
        long plan = jdbc.sql("select id from plan where document_number = :number")
                .param("number", "青教〔" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() + "〕1号")
                .query(Long.class).single();
        var page = chromium.driver;
        page.get(url("/login"));
        page.findElement(By.id("username")).sendKeys("director");
        page.findElement(By.id("password")).sendKeys("workplan");
        page.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));

        page.findElement(By.id("nav-dashboard")).click();
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("tiles")));
        page.get(url("/dashboard?plan=" + plan));
        assertThat(page.findElement(By.cssSelector("#tile-items .tile-value")).getText()).isEqualTo("20");
        for (var chart : List.of("chart-chapters", "chart-offices", "chart-townships", "chart-months")) {
            wait(page).until(ExpectedConditions.attributeToBe(By.id(chart), "data-chart-ready", "true"));
            assertThat(page.findElements(By.cssSelector("#" + chart + " canvas"))).as(chart).isNotEmpty();
            Number points = (Number) js(page).executeScript("""
                    var option = echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption();
                    return option.series.reduce(function (sum, series) { return sum + series.data.length; }, 0);""", chart);
            assertThat(points.intValue()).as("data points of %s", chart).isPositive();
        }
        chromium.screenshot("dashboard-leader");
        assertThat(chromium.consoleErrors()).as("browser console").isEmpty();

        // the ranking's first office: the middle of its first non-empty bar, in the chart's pixels
        @SuppressWarnings("unchecked")
        var bar = (Map<String, Object>) js(page).executeScript("""
                var element = document.getElementById('chart-offices');
                element.scrollIntoView({block: 'center', behavior: 'instant'});
                var chart = echarts.getInstanceByDom(element);
                var option = chart.getOption();
                var before = 0;
                for (var i = 0; i < option.series.length; i++) {
                    var value = option.series[i].data[0].value;
                    if (value > 0) {
                        var point = chart.convertToPixel({xAxisIndex: 0, yAxisIndex: 0}, [before + value / 2, 0]);
                        return {x: point[0], y: point[1], width: element.clientWidth, height: element.clientHeight,
                                office: option.yAxis[0].data[0]};
                    }
                    before += value;
                }
                return null;""");
        assertThat(bar).as("a bar in the offices' ranking").isNotNull();
        var office = (String) bar.get("office");
        var chart = page.findElement(By.id("chart-offices"));
        int dx = ((Number) bar.get("x")).intValue() - ((Number) bar.get("width")).intValue() / 2;
        int dy = ((Number) bar.get("y")).intValue() - ((Number) bar.get("height")).intValue() / 2;
        new Actions(page).moveToElement(chart, dx, dy).click().perform();

        wait(page).until(ExpectedConditions.urlContains("/dashboard/items"));
        assertThat(page.getCurrentUrl()).contains("plan=" + plan, "office=").doesNotContain("status=");
        assertThat(page.findElement(By.id("drilldown-caption")).getText()).contains(office);
        var rows = page.findElements(By.cssSelector(".dashboard-row"));
        assertThat(rows).isNotEmpty();
        assertThat(rows).allSatisfy(row -> assertThat(row.getText()).contains(office));
        chromium.screenshot("dashboard-office-items");
    }

    private static JavascriptExecutor js(WebDriver page) {
        return (JavascriptExecutor) page;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static WebDriverWait wait(WebDriver page) {
        return (WebDriverWait) new WebDriverWait(page, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class);
    }
}
