package cn.workplan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.summary.NewSummary;
import cn.workplan.summary.Summaries;
import cn.workplan.summary.SummaryKind;
import cn.workplan.summary.SummaryQueries;
import cn.workplan.summary.SummaryView;
import cn.workplan.support.DemoCountyTest;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The demo county's mid-year summary, drafted from the reports the demo data writes for its first half year, reads
 * as a bureau's: the six chapters with their items' achievements in figures, the targets' table, the problems (items
 * behind schedule, reports returned) and the third and fourth quarters' work. The county is loaded for a July day of a year
 * of its own (the demo is alive: what it has reported depends on the day it is loaded). The text is written to
 * {@code target/exports/demo-mid-year-summary.txt} to be read. (The browser tests' context: the demo county loaded.)
 */
@DemoCountyTest
@Import({TestPlans.class, TestData.class, TestClock.Configuration.class})
class DemoSummaryTest {

    /** A year of its own, so that the county loaded for it stands apart from today's. */
    private static final int YEAR = 2035;

    @Autowired
    Summaries summaries;
    @Autowired
    SummaryQueries queries;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoDataLoader loader;
    @Autowired
    TestClock clock;
    @Autowired
    cn.workplan.plan.PlanService plans;

    @Test
    void theDemoPlansMidYearSummaryReadsAsABureausReport() throws Exception {
        // the county at work on a July day of a year of its own: its first half year reported
        var day = LocalDate.of(YEAR, 7, 10);
        clock.today(day);
        var office = (CurrentUser) users.loadUserByUsername("office");
        long planId = loader.livingPlan(day);
        try {
            var summary = queries.summary(summaries.create(planId, new NewSummary(SummaryKind.MID_YEAR, null, null), office).id(), office);
            var text = text(summary);
            Files.createDirectories(Path.of("target/exports"));
            Files.writeString(Path.of("target/exports/demo-mid-year-summary.txt"), summary.title() + "\n\n" + String.join("\n", text));
            check(summary, text);
        } finally {
            clock.reset();
            plans.close(planId, office);
        }
    }

    private static void check(SummaryView summary, List<String> text) {
        assertThat(summary.title()).isEqualTo("青山县教育局" + YEAR + "年上半年工作总结和下半年工作思路");
        assertThat(summary.asOf()).isEqualTo(LocalDate.of(YEAR, 6, 30));
        assertThat(text.get(0)).startsWith(YEAR + "年以来，我局认真贯彻落实《青山县教育局" + YEAR + "年工作要点》（青教〔" + YEAR
                        + "〕1号）部署，围绕6个方面20项重点任务")
                .containsPattern("上半年各责任单位报送并经审核通过的进展报告\\d+份，涉及\\d+项任务")
                .containsPattern("进度滞后\\d+项");
        // the chapters, each with its achievements
        assertThat(text).containsSubsequence("一、上半年工作完成情况", "（一）坚持党建引领，夯实教育发展根基", "（二）推进优质均衡，扩大优质资源供给",
                "（三）建设高素质教师队伍", "（四）深化教育教学改革", "（五）守牢校园安全底线", "（六）提升教育治理水平",
                "二、主要指标完成情况", "三、存在的问题", "四、下半年工作思路");
        var achievements = text.subList(text.indexOf("一、上半年工作完成情况"), text.indexOf("二、主要指标完成情况")).stream()
                .filter(paragraph -> paragraph.matches("^\\d+\\..*")).toList();
        assertThat(achievements).hasSize(20);
        assertThat(achievements).filteredOn(paragraph -> !paragraph.startsWith("9."))
                .allSatisfy(paragraph -> assertThat(paragraph).containsPattern("\\d+(\\.\\d+)?(%|所|个|人|份|次|场|名|万|亿)"));
        assertThat(paragraph(text, "4.扩充普惠性学前教育资源。")).contains("3所幼儿园主体工程均已封顶，完成投资1860万元")
                .containsPattern("\\d+所责任学校")
                .contains("普惠性幼儿园覆盖率目标不低于90%，实际为91.2%，已达标", "新增学位目标不低于540个，实际为180个，尚未达标");
        assertThat(paragraph(text, "17.落实校园安全责任。")).contains("整改隐患", "重大安全责任事故目标为0起，实际为0起，已达标");
        // the targets, the problems, the second half
        var table = summary.blocks().stream().filter(block -> block.isTable()).findFirst().orElseThrow();
        assertThat(table.rows()).anySatisfy(row -> assertThat(row).containsExactly("3", "4.扩充普惠性学前教育资源。", "新增学位", "≥540个",
                "180个", "未达标"));
        assertThat(text).contains("（一）部分任务进度滞后", "（二）进展报告质量有待提高");
        assertThat(paragraph(text, "审核中退回、尚待修改的进展报告")).contains("请补充");
        assertThat(paragraph(text, "10.深化产教融合。")).contains("走访对接企业6家", "尚未达标");
        assertThat(paragraph(text, "10.深化产教融合。第三季度建成实训基地，第四季度开设订单班。")).endsWith("需加快推进）");
        assertThat(text.subList(text.indexOf("四、下半年工作思路"), text.size())).anyMatch(paragraph -> paragraph.contains("第三季度"))
                .contains("（一）坚持党建引领，夯实教育发展根基");
    }

    private static String paragraph(List<String> text, String start) {
        return text.stream().filter(paragraph -> paragraph.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph starts with " + start + " in\n" + String.join("\n", text)));
    }

    private static List<String> text(SummaryView summary) {
        return summary.numbered().stream().map(block -> block.isTable() ? "[表格]" : block.display()).toList();
    }
}
