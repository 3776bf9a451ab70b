package cn.workplan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.workplan.plan.TargetComparator;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.Numbering;

/** Each real plan in {@code samples/} reads as a careful reader would write its outline down. */
class PlanImportSamplesTest {

    @ParameterizedTest
    @ValueSource(strings = {Samples.JIYUAN, Samples.TOWNSHIP, Samples.COUNTY})
    void theCopiesAreTheSharedSamples(String name) throws IOException {
        var shared = Path.of("..", "shared", "samples", name);
        assumeTrue(Files.exists(shared), "shared/samples beside the project");
        assertThat(Samples.bytes(name)).as(name).isEqualTo(Files.readAllBytes(shared));
    }

    @Nested
    class Jiyuan {

        private final ImportResult result = Samples.importSample(Samples.JIYUAN);
        private final ParsedPlan plan = result.plan();

        @Test
        void headerBlockAndTitle() {
            assertThat(plan.title()).isEqualTo("济源市教育局2018年工作要点");
            assertThat(plan.documentNumber()).isEqualTo("济教〔2018〕1号");
            assertThat(plan.issueDate()).isEqualTo(LocalDate.of(2018, 2, 5));
            assertThat(plan.publisher()).isEqualTo("市教育局");
            assertThat(plan.indexNumber()).isEqualTo("T0020-0901-2018-00600");
            assertThat(plan.subject()).isEqualTo("科技、教育；教育");
        }

        @Test
        void preamble() {
            assertThat(plan.preamble()).isEqualTo("2018年全市教育工作的总体要求是：全面贯彻党的十九大精神，"
                    + "以习近平新时代中国特色社会主义思想为指导，围绕建设教育强市总目标，坚持教育优先、提质增“校”，"
                    + "努力办好人民满意的教育、办现代化的教育、办全国一流的济源特色教育。");
        }

        @Test
        void eightChapters() {
            assertThat(plan.nodes()).allMatch(node -> node.kind() == NodeKind.CHAPTER);
            assertThat(plan.chapters()).extracting(ParsedNode::number, ParsedNode::headline).containsExactly(
                    tuple("一", "全面从严治党，夯实教育发展根基"),
                    tuple("二", "加大投入力度，扩大优质资源供给"),
                    tuple("三", "深化综合改革，提高教育教学质量"),
                    tuple("四", "推进素质教育，促进学生全面发展"),
                    tuple("五", "优化教育结构，推动教育内涵提升"),
                    tuple("六", "坚持管培并重，加强教师队伍建设"),
                    tuple("七", "规范办学行为，提升学校管理水平"),
                    tuple("八", "强化综合保障，营造良好发展环境"));
            assertThat(plan.chapters()).allSatisfy(chapter -> {
                assertThat(chapter.body()).isEmpty();
                assertThat(chapter.children()).allMatch(child -> child.kind() == NodeKind.ITEM);
            });
        }

        @Test
        void items1To36NumberedOnThroughThePlan() {
            assertThat(plan.items()).extracting(ParsedNode::number)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 36).mapToObj(Integer::toString).toList());
            assertThat(plan.items()).noneMatch(ParsedNode::numberInferred);
            assertThat(plan.numbering()).isEqualTo(Numbering.CONTINUOUS);
        }

        @Test
        void theHeadlinesOfAll36Items() {
            assertThat(plan.items()).extracting(ParsedNode::headline).containsExactly(
                    "深入学习贯彻党的十九大精神",
                    "推进“两学一做”学习教育常态化制度化",
                    "加强基层党组织建设",
                    "正党风促政风带行风",
                    "加强新闻宣传与舆论引导工作",
                    "优化资源配置总体布局",
                    "推进重点项目建设",
                    "推进教育信息化建设",
                    "创新学校办学机制",
                    "推进中小学课程建设",
                    "深化普通高中教育教学改革",
                    "稳妥推进高考改革",
                    "加强和改进德育",
                    "提高课堂教学效益",
                    "扎实做好学校体育工作",
                    "特色发展艺术教育",
                    "强化劳动和心理健康教育",
                    "做好语言文字工作",
                    "推进学前教育普惠发展",
                    "推动基础教育优质发展",
                    "提高职业教育办学品质",
                    "提升特殊教育水平",
                    "探索教师管理新机制",
                    "构建师德师风建设长效机制",
                    "打造“专家型”校长和教师队伍",
                    "实施“温暖师心”工程",
                    "规范学校办学行为",
                    "规范招生工作",
                    "规范课程管理",
                    "规范校外教育培训机构和校外托管机构管理",
                    "加强经费投入保障",
                    "创新教育督导",
                    "系统推进教育扶贫工作",
                    "关爱特殊群体",
                    "做好安全工作",
                    "建设服务型机关");
        }

        @Test
        void whichChapterEachItemIsIn() {
            var expected = Map.of("一", range(1, 5), "二", range(6, 8), "三", range(9, 12), "四", range(13, 18),
                    "五", range(19, 22), "六", range(23, 26), "七", range(27, 30), "八", range(31, 36));
            assertThat(plan.chapters()).allSatisfy(chapter -> assertThat(chapter.children())
                    .as("items of chapter %s", chapter.number())
                    .extracting(ParsedNode::number).containsExactlyElementsOf(expected.get(chapter.number())));
        }

        @Test
        void bodiesAreTheRestOfTheParagraph() {
            var item18 = plan.items().get(17);
            assertThat(item18.body()).isEqualTo("组织开展中小学汉字大赛。开展第21届推普周系列活动。");
            var item1 = plan.items().get(0);
            assertThat(item1.body()).startsWith("开展党的十九大精神学习、宣讲、研讨、落实系列活动，推动十九大精神进校园")
                    .endsWith("确保党的十九大精神在教育系统落地生根。");
            assertThat(plan.items()).allSatisfy(item -> {
                assertThat(item.body()).isNotBlank();
                assertThat(item.children()).isEmpty();
            });
        }

        @Test
        void sourceLines() {
            assertThat(plan.chapters().get(0).lines()).isEqualTo(new SourceLines(10, 15));
            assertThat(plan.items().get(0).lines()).isEqualTo(SourceLines.of(11));
            assertThat(plan.items().get(35).lines()).isEqualTo(SourceLines.of(53));
            assertThat(plan.lines()).isEqualTo(new SourceLines(1, 53));
        }

        @Test
        void targetsInTheProse() {
            assertThat(plan.items().get(21).targets()).singleElement().satisfies(target -> {
                assertThat(target.indicator()).isEqualTo("适龄残疾儿童少年入学率");
                assertThat(target.comparator()).isEqualTo(TargetComparator.AT_LEAST);
                assertThat(target.value()).isEqualByComparingTo("95");
                assertThat(target.unit()).isEqualTo("%");
                assertThat(target.source()).startsWith("落实轻度残疾儿童少年随班就读");
            });
            assertThat(plan.items().get(22).targets()).singleElement().satisfies(target -> {
                assertThat(target.indicator()).isEqualTo("教师交流人数占应交流教职工总数比例");
                assertThat(target.comparator()).isEqualTo(TargetComparator.AT_LEAST);
                assertThat(target.value()).isEqualByComparingTo(BigDecimal.TEN);
                assertThat(target.phrase()).isEqualTo("教师交流人数达到应交流教职工总数的10%以上");
            });
            assertThat(plan.allNodes().stream().filter(node -> !node.targets().isEmpty())).hasSize(2);
        }

        @Test
        void noScheduleAndTheFooterSetAside() {
            assertThat(plan.schedule()).isEmpty();
            assertThat(result.discarded()).extracting(DiscardedLine::line, DiscardedLine::reason).containsExactly(
                    tuple(60, DiscardReason.CLOSING_DATE),
                    tuple(62, DiscardReason.SITE_FOOTER),
                    tuple(63, DiscardReason.SITE_FOOTER));
        }

        private static List<String> range(int first, int last) {
            return java.util.stream.IntStream.rangeClosed(first, last).mapToObj(Integer::toString).toList();
        }
    }

    @Nested
    class Township {

        private final ImportResult result = Samples.importSample(Samples.TOWNSHIP);
        private final ParsedPlan plan = result.plan();

        @Test
        void titleWithoutHeaderOrPreamble() {
            assertThat(plan.title()).isEqualTo("基层教育管理工作计划");
            assertThat(plan.documentNumber()).isNull();
            assertThat(plan.issueDate()).isNull();
            assertThat(plan.preamble()).isEmpty();
        }

        @Test
        void residueAndTheRepeatedTitle() {
            assertThat(result.discarded()).extracting(DiscardedLine::line, DiscardedLine::text, DiscardedLine::reason)
                    .containsExactly(
                            tuple(3, "时间：2022-01-08 06:09:00", DiscardReason.PUBLICATION_INFO),
                            tuple(5, "基层教育管理工作计划", DiscardReason.DUPLICATE_TITLE));
        }

        @Test
        void twoChaptersTheFirstAParagraphTheSecondSixSections() {
            assertThat(outline(plan)).containsExactly(
                    "一 指导思想",
                    "二 主要工作",
                    "  （一） 强化领导责任，优先发展教育",
                    "    1 建立定期“议教”制度，确保教育优先发展",
                    "    2 建立挂钩联系学校制度，为学校排忧解难",
                    "  （二） 突出政府行为，提高普及水准",
                    "    1 建立宣传教育长效机制，大力推进依法治教",
                    "    2 强化政府行为，提高普及程度",
                    "  （三） 加大资金投入，不断改善办学条件",
                    "    1 确保镇财投入，规范经费管理",
                    "    2 做好布局调整，改善办学条件",
                    "      · 一 继续抓好平川中心学校迁建服务工作",
                    "      · 二 加快平川幼儿园迁建步伐，扶持民办幼儿园，启动育才幼儿园迁建工程，筹建丰平小区幼儿园，积极发展社区幼儿园等",
                    "  （四） 树立改革创新理念，提高教育教学质量",
                    "  （五） 齐抓共管，营造良好环境",
                    "    1 完善奖教奖学制度",
                    "    2 加强综治安全工作，维护学校的治安安全和正常教学秩序",
                    "  （六） 开展实用技术培训，提高劳动者素质",
                    "    1 组织开展好扫盲工作",
                    "    2 以文技校为基地，大力开展技术培训");
            assertThat(plan.chapters()).extracting(ParsedNode::number, ParsedNode::headline)
                    .containsExactly(tuple("一", "指导思想"), tuple("二", "主要工作"));
            assertThat(plan.chapters().get(0).children()).isEmpty();
            assertThat(plan.chapters().get(1).children()).hasSize(6).allMatch(node -> node.kind() == NodeKind.SECTION);
            assertThat(plan.numbering()).isEqualTo(Numbering.PER_SECTION);
        }

        @Test
        void chapterAndSectionTextWithoutItemsIsTheirBody() {
            assertThat(plan.chapters().get(0).body()).startsWith("年，我镇教育将以科学发展观为指导")
                    .endsWith("办好人民满意的教育。");
            var section4 = plan.chapters().get(1).children().get(3);
            assertThat(section4.children()).isEmpty();
            assertThat(section4.body()).startsWith("牢固树立以提高质量为核心的教育发展观").endsWith("促进教育教学质量的全面提高。");
            assertThat(section4.lines()).isEqualTo(new SourceLines(31, 33));
        }

        @Test
        void inlinePointsOnlyWhereTheyRunFrom一To二() {
            var section2 = plan.chapters().get(1).children().get(1);
            var onlyOne = section2.children().get(1);
            assertThat(onlyOne.children()).isEmpty();
            assertThat(onlyOne.body()).startsWith("一是党委政府要把“控辍保学”列入重要议事日程。");

            var section3 = plan.chapters().get(1).children().get(2);
            var withPoints = section3.children().get(1);
            assertThat(withPoints.body()).isEmpty();
            assertThat(withPoints.children()).extracting(ParsedNode::kind, ParsedNode::number).containsExactly(
                    tuple(NodeKind.POINT, "一"), tuple(NodeKind.POINT, "二"));
            assertThat(withPoints.children().get(0).body()).startsWith("平川中心学校新校区位于县城东北部")
                    .endsWith("全力确保平川中心学校于2012年元旦前整体搬迁。");
            assertThat(withPoints.children().get(0).deadlines()).singleElement().satisfies(deadline -> {
                assertThat(deadline.kind()).isNull();
                assertThat(deadline.year()).isEqualTo(2012);
                assertThat(deadline.phrase()).isEqualTo("2012年元旦前");
            });
        }

        @Test
        void targetsOfTheEnrolmentItem() {
            var item = plan.chapters().get(1).children().get(1).children().get(1);
            assertThat(item.targets()).extracting(TargetSuggestion::indicator, TargetSuggestion::comparator,
                    target -> target.value().toPlainString(), TargetSuggestion::unit).containsExactly(
                    tuple("全镇小学适龄儿童入学率", TargetComparator.AT_LEAST, "100", "%"),
                    tuple("学前三年适龄幼儿入园率", TargetComparator.EQUAL, "100", "%"),
                    tuple("初中适龄少年入学率", TargetComparator.AT_LEAST, "95", "%"),
                    tuple("适龄残疾儿童、少年入学率", TargetComparator.AT_LEAST, "90", "%"),
                    tuple("初等教育在校生年辍学率", TargetComparator.EQUAL, "0", null),
                    tuple("初级中等教育在校生年辍学率", TargetComparator.AT_MOST, "1", "%"));
            var literacy = plan.chapters().get(1).children().get(5).children().get(0);
            assertThat(literacy.targets()).extracting(TargetSuggestion::indicator, TargetSuggestion::comparator)
                    .containsExactly(tuple("15至50周岁人口中的非文盲率", TargetComparator.AT_LEAST));
        }
    }

    @Nested
    class County {

        private final ImportResult result = Samples.importSample(Samples.COUNTY);
        private final ParsedPlan plan = result.plan();

        @Test
        void noTitleThePreambleIsTheOpeningParagraph() {
            assertThat(plan.title()).isNull();
            assertThat(plan.preamble()).isEqualTo("为全面深入推进学校精细化管理，深化教育领域综合改革，持续优化育人环境，"
                    + "增强教育服务能力，提升学校办学水平，推动全县教育事业高质量发展，特修订本实施意见。");
        }

        @Test
        void theOutlineWithEveryFirstItemWithoutItsNumberStillItem1() {
            assertThat(outline(plan)).containsExactly(
                    "一 总体要求",
                    "二 目标任务",
                    "  （一） 行政管理",
                    "    1* 加强党的全面领导",
                    "    2 实行校长负责制",
                    "  （二） 教育教学",
                    "    1* 深化课程改革",
                    "    2 强化德育工作",
                    "    3 推进素质教育",
                    "  （三） 师资队伍建设",
                    "    1* 加强师德师风建设",
                    "    2 提升教师专业素质",
                    "    3 优化教师队伍结构",
                    "  （四） 校园文化建设",
                    "    1* 营造良好的校园文化氛围",
                    "    2 推进文明校园创建",
                    "    3 加强校园文化建设的组织领导",
                    "  （五） 教育信息化建设",
                    "    1* 推进智慧校园建设",
                    "    2 提升教师信息技术应用能力",
                    "    3 加强网络安全管理",
                    "  （六） 家校社协同育人",
                    "    1* 建立健全家校合作机制",
                    "    2 加强社区教育资源整合",
                    "    3 构建家校社协同育人格局",
                    "三 保障措施",
                    "  （一） 加强组织领导",
                    "    1* 成立专项工作组",
                    "    2 完善政策支持",
                    "  （二） 加大投入力度",
                    "    1* 增加教育投入",
                    "    2 拓宽融资渠道",
                    "  （三） 强化督导评估",
                    "    1* 建立督导评估机制",
                    "    2 完善评估指标体系",
                    "  （四） 营造良好氛围",
                    "    1* 加强宣传引导",
                    "    2 开展经验交流",
                    "四 结语");
            assertThat(plan.items()).hasSize(25);
            assertThat(plan.numbering()).isEqualTo(Numbering.PER_SECTION);
        }

        @Test
        void theInferredItemKeepsItsTextAndLine() {
            var first = plan.chapters().get(1).children().get(0).children().get(0);
            assertThat(first.numberInferred()).isTrue();
            assertThat(first.lines()).isEqualTo(SourceLines.of(6));
            assertThat(first.body()).startsWith("坚持以习近平新时代中国特色社会主义思想为指导").endsWith("具体领导和支持保障。");
            assertThat(plan.chapters().get(1).children().get(0).body()).isEmpty();
        }

        @Test
        void chaptersWithoutSectionsKeepTheirParagraph() {
            assertThat(plan.chapters().get(0).body()).startsWith("以习近平新时代中国特色社会主义思想为指导")
                    .endsWith("加快构建教育高质量发展体系。");
            assertThat(plan.chapters().get(3).body()).startsWith("教育是国之大计、党之大计。")
                    .endsWith("为实现中华民族伟大复兴的中国梦作出新的更大贡献。");
        }

        @Test
        void theDocumentSitesTeaserAndLinkSetAside() {
            assertThat(result.discarded()).extracting(DiscardedLine::line, DiscardedLine::reason).containsExactly(
                    tuple(43, DiscardReason.SITE_PROMOTION),
                    tuple(44, DiscardReason.SITE_PROMOTION),
                    tuple(45, DiscardReason.PAGE_NAVIGATION));
            assertThat(plan.lines()).isEqualTo(new SourceLines(1, 42));
        }
    }

    /**
     * The outline as lines: chapters flush left with their number, sections as （一）, items as 1 (1* when
     * the number was inferred), points as · 1 or · 一.
     */
    static List<String> outline(ParsedPlan plan) {
        Function<ParsedNode, String> label = node -> switch (node.kind()) {
            case CHAPTER -> node.number();
            case SECTION -> "  （" + node.number() + "）";
            case ITEM -> "    " + node.number() + (node.numberInferred() ? "*" : "");
            case POINT -> "      · " + node.number();
        };
        return plan.allNodes().stream()
                .map(node -> label.apply(node) + " " + node.headline())
                .toList();
    }
}
