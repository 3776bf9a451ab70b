package cn.workplan.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.execution.ProgressReports;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;
import cn.workplan.system.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reports drafted from a known first half year ({@link SummaryFixture}), sentence by sentence: the quarterly report
 * follows the plan's chapters and sections, the mid-year summary groups the items by chapter and adds the targets'
 * table, the problems and the second half's milestones; the year-end summary carries the unfinished items over.
 */
@IntegrationTest
class SummaryDraftingTest {

    @Autowired
    TestData data;
    @Autowired
    TestPlans plans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProgressReports reports;
    @Autowired
    TestClock clock;
    @Autowired
    Summaries summaries;
    @Autowired
    SummaryQueries queries;

    SummaryFixture f;

    @BeforeEach
    void firstHalfYear() {
        f = new SummaryFixture(data, plans, jdbc, reports, clock);
        clock.today(LocalDate.of(TestPlans.YEAR, 7, 5));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theMidYearSummaryReportsEachChapterTheTargetsTheProblemsAndTheSecondHalf() {
        var drafted = summaries.create(f.plan.id(), new NewSummary(SummaryKind.MID_YEAR, null, null), f.coordinator);
        assertThat(drafted.existed()).isFalse();
        var summary = queries.summary(drafted.id(), f.coordinator);

        assertThat(summary.title()).isEqualTo("2030年上半年工作总结和下半年工作思路");
        assertThat(summary.asOf()).isEqualTo(LocalDate.of(TestPlans.YEAR, 6, 30));
        assertThat(text(summary)).containsExactly(
                "2030年以来，我局认真贯彻落实《" + title() + "》（测教〔2030〕1号）部署，围绕2个方面3项重点任务，压实工作责任，加强调度督办，"
                        + "各项工作有序推进。上半年各责任单位报送并经审核通过的进展报告7份，涉及2项任务。截至6月30日，3项任务中，进展正常1项，"
                        + "逾期未完成1项，尚未启动1项。现将上半年工作总结和下半年工作思路报告如下。",
                "一、上半年工作完成情况",
                "（一）党的建设",
                "该方面共1项任务，进展正常1项。",
                "1.加强基层党组织建设。全县已创建党建示范校2所，基层党组织标准化建设稳步推进。全县2所学校已报送，1所已完成；其中，"
                        + f.schoolAName + "创建党建示范校1所，开展主题党日活动6次；" + f.schoolBName + "组织党员教师开展专题学习4次。"
                        + "党建示范校目标不低于2所，实际为2所，已达标。截至6月30日，完成进度80%，进展正常。",
                "（二）教育教学",
                "该方面共2项任务，逾期未完成1项，尚未启动1项。",
                "2.推进集团化办学。2所责任学校均已报送，均在推进中；其中，" + f.cooperatingName + "选派骨干教师20名到集团成员校交流；"
                        + f.schoolAName + "与城区学校结对开展联合教研3次。城乡教育集团目标不低于3个，实际各单位平均为1.5个，尚未达标。"
                        + "截至6月30日，完成进度60%，已超过完成时限，尚未完成。",
                "3.开展教师培训。上半年暂无审核通过的进展报告。截至6月30日，完成进度0%，尚未启动。",
                "二、主要指标完成情况",
                "年度各项任务共设置量化指标2项。截至6月30日，已达到目标1项，尚未达到目标1项。具体情况如下表：",
                "[序号 | 工作任务 | 指标 | 目标 | 完成 | 完成情况]",
                "三、存在的问题",
                "对照年度目标任务，工作中仍存在一些问题和不足：",
                "（一）部分任务已超过完成时限",
                "1项任务已超过完成时限，尚未完成：一是第2项“推进集团化办学”（" + f.leadName + "牵头），原定5月31日前完成，目前完成进度60%。",
                "（二）进展报告质量有待提高",
                "审核中退回、尚待修改的进展报告1份，涉及1项任务，审核意见主要有：“请补充活动照片”（1份）。",
                "四、下半年工作思路",
                "下半年，我局将对照年度目标任务，紧盯时间节点，聚焦滞后事项，加强调度督办，重点做好以下工作：",
                "（一）党的建设",
                "1.加强基层党组织建设。第三季度中期督导，第四季度评选命名。",
                "（二）教育教学",
                "2.推进集团化办学。加快推进，尽快完成（原定5月31日前完成）。（目前完成进度60%，需加快推进）",
                "3.开展教师培训。第三季度组织暑期培训，第四季度开展培训考核。");
        var table = summary.blocks().stream().filter(Block::isTable).findFirst().orElseThrow();
        assertThat(table.rows()).containsExactly(
                List.of("1", "1.加强基层党组织建设。", "党建示范校", "≥2所", "2所", "已达标"),
                List.of("2", "2.推进集团化办学。", "城乡教育集团", "≥3个", "1.5个（平均）", "未达标"));
    }

    @Test
    void aTargetWithoutTheLeadOfficesFigureWeighsTheSchoolsByEnrolment() {
        // school A's 2 groups for 300 pupils, school B's 1 for 100: (2 × 300 + 1 × 100) / 400 = 1.75
        jdbc.sql("update school set enrolment = case id when :a then 300 else 100 end where id in (:a, :b)")
                .param("a", f.schoolA).param("b", f.schoolB).update();
        var drafted = summaries.create(f.plan.id(), new NewSummary(SummaryKind.MID_YEAR, null, null), f.coordinator);
        var summary = queries.summary(drafted.id(), f.coordinator);

        assertThat(text(summary)).anySatisfy(paragraph -> assertThat(paragraph)
                .contains("城乡教育集团目标不低于3个，实际按在校生数加权为1.8个，尚未达标。"));
        var table = summary.blocks().stream().filter(Block::isTable).findFirst().orElseThrow();
        assertThat(table.rows()).contains(List.of("2", "2.推进集团化办学。", "城乡教育集团", "≥3个", "1.8个（加权）", "未达标"));
    }

    @Test
    void theQuarterlyReportFollowsThePlansChaptersAndSections() {
        var drafted = summaries.create(f.plan.id(), new NewSummary(SummaryKind.QUARTERLY, null, 2), f.coordinator);
        var summary = queries.summary(drafted.id(), f.coordinator);

        assertThat(summary.title()).isEqualTo("2030年第二季度重点工作推进情况");
        assertThat(text(summary)).containsExactly(
                "按照《" + title() + "》（测教〔2030〕1号）部署，现将2030年第二季度重点工作推进情况报告如下。本期各责任单位报送并经审核通过的"
                        + "进展报告7份，涉及2项任务。截至6月30日，3项任务中，进展正常1项，逾期未完成1项，尚未启动1项。",
                "一、党的建设",
                "1.加强基层党组织建设。（" + f.leadName + "牵头）全县已创建党建示范校2所，基层党组织标准化建设稳步推进。全县2所学校已报送，"
                        + "1所已完成；其中，" + f.schoolAName + "创建党建示范校1所，开展主题党日活动6次；" + f.schoolBName
                        + "组织党员教师开展专题学习4次。党建示范校目标不低于2所，实际为2所，已达标。截至6月30日，完成进度80%，进展正常。",
                "二、教育教学",
                "（一）义务教育",
                "2.推进集团化办学。（" + f.leadName + "牵头）2所责任学校均已报送，均在推进中；其中，" + f.cooperatingName
                        + "选派骨干教师20名到集团成员校交流；" + f.schoolAName + "与城区学校结对开展联合教研3次。城乡教育集团目标不低于3个，"
                        + "实际各单位平均为1.5个，尚未达标。截至6月30日，完成进度60%，已超过完成时限，尚未完成。",
                "3.开展教师培训。（" + f.cooperatingName + "牵头）本期暂无审核通过的进展报告。截至6月30日，完成进度0%，尚未启动。",
                "三、存在的问题",
                "对照计划安排，本期工作中仍存在以下问题：",
                "（一）部分任务已超过完成时限",
                "1项任务已超过完成时限，尚未完成：一是第2项“推进集团化办学”（" + f.leadName + "牵头），原定5月31日前完成，目前完成进度60%。",
                "（二）进展报告质量有待提高",
                "审核中退回、尚待修改的进展报告1份，涉及1项任务，审核意见主要有：“请补充活动照片”（1份）。",
                "四、下季度工作安排",
                "下季度，将按照年度计划的季度安排，重点推进以下工作：",
                "1.加强基层党组织建设。第三季度中期督导。",
                "3.开展教师培训。第三季度组织暑期培训。");
    }

    @Test
    void theMonthlyReportCountsOnlyTheMonthsReports() {
        var drafted = summaries.create(f.plan.id(), new NewSummary(SummaryKind.MONTHLY, 5, null), f.coordinator);
        var summary = queries.summary(drafted.id(), f.coordinator);

        assertThat(summary.title()).isEqualTo("2030年5月重点工作推进情况");
        assertThat(summary.asOf()).isEqualTo(LocalDate.of(TestPlans.YEAR, 5, 31));
        var text = text(summary);
        assertThat(text.get(0)).contains("本期各责任单位报送并经审核通过的进展报告1份，涉及1项任务。");
        assertThat(text).anyMatch(paragraph -> paragraph.startsWith("1.加强基层党组织建设。（" + f.leadName + "牵头）全县1所学校已报送，"
                + "正在推进中；其中，" + f.schoolAName + "制定党建工作方案。党建示范校目标不低于2所，暂无报送数据。截至5月31日，"));
    }

    @Test
    void theYearEndSummaryCarriesTheUnfinishedItemsOver() {
        clock.today(LocalDate.of(TestPlans.YEAR, 12, 20));
        var drafted = summaries.create(f.plan.id(), new NewSummary(SummaryKind.YEAR_END, null, null), f.coordinator);
        var summary = queries.summary(drafted.id(), f.coordinator);

        assertThat(summary.title()).isEqualTo("2030年工作总结");
        var text = text(summary);
        assertThat(text).contains("一、2030年工作完成情况", "二、主要指标完成情况", "三、存在的问题", "四、2031年工作打算",
                "2031年，我局将认真总结2030年工作经验，针对存在的问题，完善工作机制，确保各项任务落地见效。对2030年尚未完成的3项任务，"
                        + "结转至2031年继续推进：",
                "2.推进集团化办学。（" + f.leadName + "牵头）目前完成进度60%，原定5月31日前完成，结转至2031年继续推进。");
    }

    @Test
    void oneReportPerPeriodAndOnlyForPeriodsThatBegan() {
        var first = summaries.create(f.plan.id(), new NewSummary(SummaryKind.QUARTERLY, null, 2), f.coordinator);
        var again = summaries.create(f.plan.id(), new NewSummary(SummaryKind.QUARTERLY, null, 2), f.coordinator);
        assertThat(again).isEqualTo(new Summaries.Drafted(first.id(), true));
        assertThatThrownBy(() -> summaries.create(f.plan.id(), new NewSummary(SummaryKind.QUARTERLY, null, 4), f.coordinator))
                .isInstanceOf(InvalidInputException.class).hasMessage("summary.error.future");
        assertThatThrownBy(() -> summaries.create(f.plan.id(), new NewSummary(SummaryKind.MONTHLY, 13, null), f.coordinator))
                .isInstanceOf(InvalidInputException.class).hasMessage("summary.error.period");
    }

    private String title() {
        return jdbc.sql("select title from plan where id = :id").param("id", f.plan.id()).query(String.class).single();
    }

    /** The report's blocks as shown: headings with their numbers, tables as their header. */
    static List<String> text(SummaryView summary) {
        return summary.numbered().stream()
                .map(block -> block.isTable() ? "[" + String.join(" | ", block.header()) + "]" : block.display()).toList();
    }
}
