package cn.workplan.document;

import static cn.workplan.document.OfficialText.Node.chapter;
import static cn.workplan.document.OfficialText.Node.chapterWithBody;
import static cn.workplan.document.OfficialText.Node.item;
import static cn.workplan.document.OfficialText.Node.point;
import static cn.workplan.document.OfficialText.Node.section;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.workplan.document.OfficialText.Node;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.Numbering;

/** Plain text: the official shape and the many ways real plans deviate from it. */
class PlanImportTextTest {

    static final String TITLE = "青山县教育局2026年工作要点";
    static final List<String> PREAMBLE = List.of(
            "2026年全县教育工作的总体要求是：坚持立德树人，办好人民满意的教育。",
            "全县教育系统要围绕中心、服务大局，扎实做好以下工作。");
    static final List<Node> OUTLINE = List.of(
            chapter("加强党的建设，夯实发展根基",
                    section("强化理论武装",
                            item("深入学习贯彻党的二十大精神", "开展专题学习和研讨。组织“三会一课”。"),
                            item("推进清廉学校建设", "")),
                    section("加强队伍建设",
                            item("做好招生工作", "落实免试就近入学。",
                                    point("制定招生方案", "3月底完成。"),
                                    point("开展入学登记", "")),
                            item("规范办学行为", "严禁有偿补课。\n严格教辅资料选用。"))),
            chapter("推进教育信息化",
                    item("建设智慧校园", "新建录播教室10间。")),
            chapterWithBody("保障措施", "各单位要高度重视，精心组织。\n加强督查，确保落实。"));

    private final PlanImporter importer = new PlanImporter();

    @Test
    void theOfficialShapeReadsBackToTheSameOutline() throws Exception {
        var text = OfficialText.text(TITLE, PREAMBLE, OUTLINE);

        var plan = importer.importText(text, ImportOptions.defaults()).plan();

        assertThat(plan.title()).isEqualTo(TITLE);
        assertThat(plan.preamble()).isEqualTo(String.join("\n", PREAMBLE));
        assertThat(plan.nodes().stream().map(Node::of).toList()).isEqualTo(OUTLINE);
        assertThat(plan.allNodes()).extracting(ParsedNode::number).containsExactly(
                "一", "一", "1", "2", "二", "1", "1", "2", "2", "二", "1", "三");
        assertThat(plan.allNodes()).noneMatch(ParsedNode::numberInferred);
        assertThat(plan.numbering()).isEqualTo(Numbering.PER_SECTION);
    }

    @Test
    void theSameTextInGb18030WithWindowsLineBreaksAndAByteOrderMark() throws Exception {
        var text = OfficialText.text(TITLE, PREAMBLE, OUTLINE);
        var expected = importer.importText(text, ImportOptions.defaults());

        var gb = importer.importFile("计划.txt", text.replace("\n", "\r\n").getBytes(Charset.forName("GB18030")), ImportOptions.defaults());
        var bom = importer.importFile("计划.TXT", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(UTF_8)),
                ImportOptions.defaults());

        assertThat(gb).isEqualTo(expected);
        assertThat(bom).isEqualTo(expected);
    }

    @Test
    void sourceLinesOfEveryNode() throws Exception {
        var plan = importer.importText(OfficialText.text(TITLE, PREAMBLE, OUTLINE), ImportOptions.defaults()).plan();

        // 1 title, 2-3 preamble, 4 一、, 5 （一）, 6 1., 7 2., 8 （二）, 9 1., 10 （1）, 11 （2）, 12-13 2., 14 二、, 15 1., 16-18 三、
        assertThat(plan.allNodes()).extracting(ParsedNode::lines).containsExactly(
                new SourceLines(4, 13), new SourceLines(5, 7), SourceLines.of(6), SourceLines.of(7), new SourceLines(8, 13),
                new SourceLines(9, 11), SourceLines.of(10), SourceLines.of(11), new SourceLines(12, 13),
                new SourceLines(14, 15), SourceLines.of(15), new SourceLines(16, 18));
        assertThat(plan.lines()).isEqualTo(new SourceLines(1, 18));
    }

    @Nested
    class Tolerates {

        @Test
        void straySpacesFullWidthSpacesNoBreakSpacesAndBlankLines() throws Exception {
            var text = """
                    \u3000\u3000青山县教育局2026年工作要点\u3000

                    &nbsp;&nbsp;一、 加强党的建设\u00a0
                    \t
                       1 .\u3000深入学习贯彻党的二十大精神。 开展专题学习。
                    \u3000\u3000
                    2、推进清廉学校建设。
                    """;

            var plan = importer.importText(text, ImportOptions.defaults()).plan();

            assertThat(plan.title()).isEqualTo("青山县教育局2026年工作要点");
            assertThat(PlanImportSamplesTest.outline(plan)).containsExactly(
                    "一 加强党的建设", "    1 深入学习贯彻党的二十大精神", "    2 推进清廉学校建设");
            assertThat(plan.items().get(0).body()).isEqualTo("开展专题学习。");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.", "1、", "1．", "1 ", "１．", "1. "})
        void everyWayOfNumberingAnItem(String number) throws Exception {
            var plan = importer.importText("一、教育教学\n" + number + "提高课堂教学效益。打造高效课堂。\n2.做好体育工作。", ImportOptions.defaults()).plan();

            assertThat(plan.items()).extracting(ParsedNode::number, ParsedNode::headline, ParsedNode::body).containsExactly(
                    tuple("1", "提高课堂教学效益", "打造高效课堂。"), tuple("2", "做好体育工作", ""));
        }

        @ParameterizedTest
        @ValueSource(strings = {"（一）", "(一)", "（一）、", "( 一 )"})
        void fullAndHalfWidthSectionBrackets(String number) throws Exception {
            var plan = importer.importText("一、教育教学\n" + number + "课程改革\n1.深化课程改革。", ImportOptions.defaults()).plan();

            assertThat(PlanImportSamplesTest.outline(plan)).containsExactly("一 教育教学", "  （一） 课程改革", "    1 深化课程改革");
        }

        @ParameterizedTest
        @ValueSource(strings = {"(1)", "（1）", "1）", "①"})
        void subPointsInEveryBracket(String number) throws Exception {
            var second = number.replace('1', '2').replace('①', '②');
            var plan = importer.importText("一、安全工作\n1.加强安全教育。\n" + number + "开展应急演练。每学期两次。\n" + second + "排查隐患。",
                    ImportOptions.defaults()).plan();

            assertThat(plan.items().get(0).children()).extracting(ParsedNode::kind, ParsedNode::number, ParsedNode::headline,
                    ParsedNode::body).containsExactly(
                    tuple(NodeKind.POINT, "1", "开展应急演练", "每学期两次。"),
                    tuple(NodeKind.POINT, "2", "排查隐患", ""));
        }

        @Test
        void halfWidthPunctuationInChineseBecomesFullWidth() throws Exception {
            var plan = importer.importText("一、加大投入力度,扩大优质资源供给\n1.推进项目建设.落实《规划(2014-2018)》;完成率达到95%,时间:2026年.",
                    ImportOptions.defaults()).plan();

            assertThat(plan.chapters().get(0).headline()).isEqualTo("加大投入力度，扩大优质资源供给");
            assertThat(plan.items().get(0).headline()).isEqualTo("推进项目建设.落实《规划（2014-2018）》；完成率达到95%，时间：2026年.");
        }

        @Test
        void chaptersAsParts() throws Exception {
            var plan = importer.importText("""
                    青山县教育局2026年工作要点
                    第一部分 党的建设
                    （一）理论武装
                    1.深入学习。
                    第二部分 教育教学
                    1.深化课程改革。
                    """, ImportOptions.defaults()).plan();

            assertThat(PlanImportSamplesTest.outline(plan)).containsExactly(
                    "一 党的建设", "  （一） 理论武装", "    1 深入学习", "二 教育教学", "    1 深化课程改革");
        }

        @Test
        void sectionsWithoutChaptersAreTheChapters() throws Exception {
            var plan = importer.importText("（一）理论武装\n1.深入学习。\n（二）课程改革\n1.深化课程改革。", ImportOptions.defaults()).plan();

            assertThat(plan.nodes()).extracting(ParsedNode::kind, ParsedNode::number, ParsedNode::headline).containsExactly(
                    tuple(NodeKind.CHAPTER, "一", "理论武装"), tuple(NodeKind.CHAPTER, "二", "课程改革"));
        }

        @Test
        void itemsWithoutChapters() throws Exception {
            var plan = importer.importText("青山县教育局2026年安全工作要点\n1.加强安全教育。\n2.排查隐患。", ImportOptions.defaults()).plan();

            assertThat(plan.nodes()).extracting(ParsedNode::kind, ParsedNode::number).containsExactly(
                    tuple(NodeKind.ITEM, "1"), tuple(NodeKind.ITEM, "2"));
        }

        @Test
        void aFirstItemWithoutItsNumberInContinuousNumbering() throws Exception {
            var plan = importer.importText("""
                    一、党的建设
                    1.深入学习。开展研讨。
                    2.加强组织建设。
                    二、教育教学
                    深化课程改革。落实国家课程方案。
                    4.强化德育工作。
                    """, ImportOptions.defaults()).plan();

            assertThat(PlanImportSamplesTest.outline(plan)).containsExactly(
                    "一 党的建设", "    1 深入学习", "    2 加强组织建设", "二 教育教学", "    3* 深化课程改革", "    4 强化德育工作");
            assertThat(plan.numbering()).isEqualTo(Numbering.CONTINUOUS);
        }

        @Test
        void aChapterParagraphBeforeItem1StaysItsBody() throws Exception {
            var plan = importer.importText("一、教育教学\n全面提高教育质量。\n1.深化课程改革。", ImportOptions.defaults()).plan();

            assertThat(plan.chapters().get(0).body()).isEqualTo("全面提高教育质量。");
            assertThat(plan.items()).extracting(ParsedNode::number, ParsedNode::numberInferred).containsExactly(tuple("1", false));
        }

        @Test
        void inlinePointsWithTheirOrdinals() throws Exception {
            var plan = importer.importText("一、安全工作\n1.加强安全管理。一是开展应急演练；二是排查隐患，建立台账；三是加强校车管理。",
                    ImportOptions.defaults()).plan();

            var item = plan.items().get(0);
            assertThat(item.body()).isEmpty();
            assertThat(item.children()).extracting(ParsedNode::number, ParsedNode::headline).containsExactly(
                    tuple("一", "开展应急演练"), tuple("二", "排查隐患，建立台账"), tuple("三", "加强校车管理"));
        }

        @Test
        void noInlinePointsInsideWords() throws Exception {
            var plan = importer.importText("一、教育教学\n1.推进扫盲。贯彻“一堵二扫三提高”方针，统一是关键，唯一要求是质量。", ImportOptions.defaults()).plan();

            assertThat(plan.items().get(0).children()).isEmpty();
        }

        @Test
        void aDateUnderTheTitleAndADocumentNumber() throws Exception {
            var plan = importer.importText("青山县教育局2026年工作要点\n青教〔2026〕3号\n（2026年1月20日）\n一、党的建设\n1.深入学习。",
                    ImportOptions.defaults()).plan();

            assertThat(plan.documentNumber()).isEqualTo("青教〔2026〕3号");
            assertThat(plan.issueDate()).isEqualTo(LocalDate.of(2026, 1, 20));
            assertThat(plan.preamble()).isEmpty();
        }
    }

    @Nested
    class TraditionalCharacters {

        private static final String TRADITIONAL = """
                青山縣教育局2026年工作要點
                一、加強黨的建設，鞏固教育發展根基
                1.推進教育資訊化建設。適齡兒童入學率達100%，於3月底前完成。
                """;

        @Test
        void convertedToSimplifiedOnRequest() throws Exception {
            var plan = new PlanImporter().importText(TRADITIONAL, ImportOptions.defaults().simplified()).plan();

            assertThat(plan.title()).isEqualTo("青山县教育局2026年工作要点");
            assertThat(plan.chapters().get(0).headline()).isEqualTo("加强党的建设，巩固教育发展根基");
            assertThat(plan.items().get(0).headline()).startsWith("推进教育");
            assertThat(plan.items().get(0).body()).isEqualTo("适龄儿童入学率达100%，于3月底前完成。");
            assertThat(plan.items().get(0).targets()).extracting(TargetSuggestion::indicator).containsExactly("适龄儿童入学率");
            assertThat(plan.items().get(0).deadlines()).extracting(DeadlineSuggestion::month).containsExactly(3);
        }

        @Test
        void leftAsWrittenOtherwise() throws Exception {
            var plan = new PlanImporter().importText(TRADITIONAL, ImportOptions.defaults()).plan();

            assertThat(plan.chapters().get(0).headline()).isEqualTo("加強黨的建設，鞏固教育發展根基");
        }
    }

    @Nested
    class SeveralPlans {

        @Test
        void partsHoldingChapters() throws Exception {
            var result = importer.importText("""
                    第一篇 青山县教育局2026年工作要点
                    一、党的建设
                    1.深入学习。
                    2.加强组织建设。
                    第二篇 青山县教育局2026年安全工作计划
                    总体要求：守住安全底线。
                    一、安全教育
                    1.开展应急演练。
                    二、隐患排查
                    1.排查校舍隐患。
                    """, ImportOptions.defaults());

            assertThat(result.plans()).extracting(ParsedPlan::title).containsExactly(
                    "青山县教育局2026年工作要点", "青山县教育局2026年安全工作计划");
            assertThat(PlanImportSamplesTest.outline(result.plans().get(0))).containsExactly(
                    "一 党的建设", "    1 深入学习", "    2 加强组织建设");
            assertThat(result.plans().get(1).preamble()).isEqualTo("总体要求：守住安全底线。");
            assertThat(PlanImportSamplesTest.outline(result.plans().get(1))).containsExactly(
                    "一 安全教育", "    1 开展应急演练", "二 隐患排查", "    1 排查校舍隐患");
            assertThat(result.plans()).extracting(ParsedPlan::lines).containsExactly(new SourceLines(1, 4), new SourceLines(5, 10));
        }

        @Test
        void severalTitles() throws Exception {
            var result = importer.importText("""
                    青山县教育局2026年工作要点
                    一、党的建设
                    1.深入学习。

                    青山县教育局2026年安全工作计划
                    一、安全教育
                    1.开展应急演练。
                    """, ImportOptions.defaults());

            assertThat(result.plans()).extracting(ParsedPlan::title).containsExactly(
                    "青山县教育局2026年工作要点", "青山县教育局2026年安全工作计划");
            assertThat(result.plans()).allSatisfy(plan -> assertThat(plan.items()).hasSize(1));
        }

        @Test
        void theSameTitleAgainIsNoNewPlan() throws Exception {
            var result = importer.importText("青山县教育局2026年工作要点\n一、党的建设\n1.深入学习。\n青山县教育局2026年工作要点\n2.加强组织建设。",
                    ImportOptions.defaults());

            assertThat(result.plans()).hasSize(1);
            assertThat(result.plan().items()).hasSize(2);
            assertThat(result.discarded()).extracting(DiscardedLine::line, DiscardedLine::reason)
                    .containsExactly(tuple(4, DiscardReason.DUPLICATE_TITLE));
        }
    }

    @Nested
    class QuarterlySchedule {

        @Test
        void periodsWithTheirTasksInlineOrOnLinesOfTheirOwn() throws Exception {
            var result = importer.importText("""
                    青山县教育局2026年工作计划
                    一、重点工作
                    1.推进教育信息化建设。新建录播教室10间。
                    二、工作安排
                    1-3月份：1、召开全县教育工作会议。2、开展寒假安全检查。
                    4-6月份：
                    1、组织中考。
                    2、开展“六一”系列活动。
                    7—9月份:1、暑期校舍维修。
                    10-12月份：1、年终考核。
                    """, ImportOptions.defaults());

            var plan = result.plan();
            assertThat(plan.schedule()).extracting(QuarterSchedule::quarter, QuarterSchedule::period, QuarterSchedule::tasks)
                    .containsExactly(
                            tuple(1, "1-3月份", List.of("召开全县教育工作会议", "开展寒假安全检查")),
                            tuple(2, "4-6月份", List.of("组织中考", "开展“六一”系列活动")),
                            tuple(3, "7—9月份", List.of("暑期校舍维修")),
                            tuple(4, "10-12月份", List.of("年终考核")));
            assertThat(plan.schedule()).extracting(QuarterSchedule::lines).containsExactly(
                    SourceLines.of(5), new SourceLines(6, 8), SourceLines.of(9), SourceLines.of(10));
            assertThat(PlanImportSamplesTest.outline(plan)).as("the schedule is no part of the outline")
                    .containsExactly("一 重点工作", "    1 推进教育信息化建设");
            assertThat(result.discarded()).extracting(DiscardedLine::line, DiscardedLine::text, DiscardedLine::reason)
                    .containsExactly(tuple(4, "二、工作安排", DiscardReason.SCHEDULE_HEADING));
        }

        @Test
        void quartersByNameAndUnnumberedTasks() throws Exception {
            var plan = importer.importText("""
                    一、重点工作
                    1.推进教育信息化建设。
                    第一季度：
                    召开全县教育工作会议
                    开展寒假安全检查
                    第二季度：组织中考
                    三季度：暑期校舍维修
                    """, ImportOptions.defaults()).plan();

            assertThat(plan.schedule()).extracting(QuarterSchedule::quarter, QuarterSchedule::tasks).containsExactly(
                    tuple(1, List.of("召开全县教育工作会议", "开展寒假安全检查")),
                    tuple(2, List.of("组织中考")),
                    tuple(3, List.of("暑期校舍维修")));
            assertThat(plan.items()).hasSize(1);
        }

        @Test
        void theParagraphThatSplitsResponsibilityAfterTheScheduleStaysInTheChapter() throws Exception {
            var offices = List.of(KnownOffice.of(1L, "基础教育股", "基教股"), KnownOffice.of(2L, "人事股"), KnownOffice.of(3L, "计划财务股", "计财股"));
            var plan = importer.importText("""
                    二、工作安排
                    1-3月份：1、召开全县教育工作会议。
                    4-6月份：1、组织中考。
                    以上工作基础教育股是牵头股室，人事股、计财股负责师资和经费保障。
                    """, ImportOptions.defaults().withOffices(offices)).plan();

            assertThat(plan.schedule()).hasSize(2);
            assertThat(plan.chapters()).singleElement().satisfies(chapter -> {
                assertThat(chapter.headline()).isEqualTo("工作安排");
                assertThat(chapter.body()).isEqualTo("以上工作基础教育股是牵头股室，人事股、计财股负责师资和经费保障。");
                assertThat(chapter.offices()).extracting(OfficeSuggestion::officeId, OfficeSuggestion::role).containsExactly(
                        tuple(1L, OfficeSuggestion.OfficeRole.LEAD),
                        tuple(2L, OfficeSuggestion.OfficeRole.COOPERATING),
                        tuple(3L, OfficeSuggestion.OfficeRole.COOPERATING));
            });
        }

        @Test
        void aMonthRangeAcrossQuartersIsProse() throws Exception {
            var plan = importer.importText("一、重点工作\n1.推进教育信息化建设。\n3-5月份：开展教学视导。", ImportOptions.defaults()).plan();

            assertThat(plan.schedule()).isEmpty();
            assertThat(plan.items().get(0).body()).isEqualTo("3-5月份：开展教学视导。");
        }
    }

    @Nested
    class Residue {

        @ParameterizedTest
        @ValueSource(strings = {
                "时间:2022-01-08 06:09:00", "发布时间：2023-03-01", "来源：县教育局", "浏览次数：1234", "作者：办公室",
                "【字体：大 中 小】", "打印本页 关闭窗口", "【打印】【关闭】", "上一篇：2023年工作总结", "下一篇:关于做好暑期安全工作的通知",
                "- 上一篇:某区纪委书记学习党史研讨发言", "当前位置：首页 > 政务公开", "主办:中共济源市委 济源市人民政府 版权所有禁止私自转载",
                "承办:济源市电子政务办公室 豫ICP备05001062", "Copyright © 2023 青山县教育局", "京公网安备 11010202000001号",
                "免责声明：本站部分内容来自网络", "转载请注明出处", "如有侵权请联系删除", "预览阅读已结束,若您需要全文或代笔。",
                "请点击👉 mooonya 👈联系老师", "点击下载全文"})
        void webPageResidueIsSetAsideWithItsReason(String residue) throws Exception {
            var result = importer.importText("青山县教育局2026年工作要点\n一、党的建设\n1.深入学习。\n" + residue + "\n2.加强组织建设。",
                    ImportOptions.defaults());

            assertThat(result.discarded()).singleElement().satisfies(line -> {
                assertThat(line.line()).isEqualTo(4);
                assertThat(line.reason()).isNotNull();
            });
            assertThat(result.plan().items()).extracting(ParsedNode::body).containsOnly("");
        }

        @Test
        void eachWithTheRightReason() throws Exception {
            var result = importer.importText("""
                    时间:2022-01-08 06:09:00
                    青山县教育局2026年工作要点
                    青山县教育局2026年工作要点
                    一、党的建设
                    1.深入学习。
                    打印本页 关闭窗口
                    免责声明：本站信息仅供参考
                    预览阅读已结束
                    青山县教育局
                    2026年1月20日
                    版权所有：青山县教育局
                    """, ImportOptions.defaults());

            assertThat(result.discarded()).extracting(DiscardedLine::line, DiscardedLine::reason).containsExactly(
                    tuple(1, DiscardReason.PUBLICATION_INFO),
                    tuple(3, DiscardReason.DUPLICATE_TITLE),
                    tuple(6, DiscardReason.PAGE_NAVIGATION),
                    tuple(7, DiscardReason.DISCLAIMER),
                    tuple(8, DiscardReason.SITE_PROMOTION),
                    tuple(9, DiscardReason.SIGNATURE),
                    tuple(10, DiscardReason.CLOSING_DATE),
                    tuple(11, DiscardReason.SITE_FOOTER));
            assertThat(result.plan().issueDate()).isEqualTo(LocalDate.of(2026, 1, 20));
            assertThat(result.plan().items().get(0).body()).isEmpty();
        }

        @Test
        void longProseThatMentionsTheSameWordsIsNoResidue() throws Exception {
            var item = "1.加强知识产权和版权保护。来源可靠的教学资源要注明出处，打印本页数不超过规定，上一篇课文与下一篇课文要衔接，"
                    + "全面落实课程方案，丰富课程资源，提高课堂教学效益，促进学生全面发展。";
            var result = importer.importText("一、教育教学\n" + item, ImportOptions.defaults());

            assertThat(result.discarded()).isEmpty();
            assertThat(result.plan().items()).singleElement().extracting(ParsedNode::headline).isEqualTo("加强知识产权和版权保护");
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        var all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
