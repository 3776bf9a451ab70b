package cn.workplan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.workplan.document.OfficeSuggestion.OfficeRole;
import cn.workplan.plan.DeadlineKind;

/** Targets, deadlines and offices found in the prose of a task item, as suggestions with their source. */
class PlanImportSuggestionsTest {

    private static ParsedNode item(String text, ImportOptions options) {
        try {
            return new PlanImporter().importText("一、重点工作\n1.推进重点工作。" + text, options).plan().items().get(0);
        } catch (DocumentImportException e) {
            throw new AssertionError(e);
        }
    }

    private static ParsedNode item(String text) {
        return item(text, ImportOptions.defaults());
    }

    @Nested
    class Targets {

        @ParameterizedTest(name = "{0} → {1} {2} {3} {4}")
        @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
                入学率达95%以上                          | 入学率                             | ≥ | 95  | %
                入学率达100%                             | 入学率                             | = | 100 | %
                辍学率控制在1%以下                       | 辍学率                             | ≤ | 1   | %
                确保适龄残疾儿童少年入学率达到95%以上    | 适龄残疾儿童少年入学率             | ≥ | 95  | %
                交流人数达到应交流教职工总数的10%以上    | 交流人数占应交流教职工总数比例     | ≥ | 10  | %
                培训各类教育技术人员200人次              | 培训各类教育技术人员               | ≥ | 200 | 人次
                巩固率不低于99.5%                        | 巩固率                             | ≥ | 99.5| %
                大班额比例不超过5%                       | 大班额比例                         | ≤ | 5   | %
                优良率提高到60%                          | 优良率                             | ≥ | 60  | %
                近视率低于50%                            | 近视率                             | < | 50  | %
                年辍学率保持为0                          | 年辍学率                           | = | 0   | -
                新建录播教室10间                         | 新建录播教室                       | ≥ | 10  | 间
                招聘新教师120名以上                      | 招聘新教师                         | ≥ | 120 | 名
                使非文盲率（丧失学习能力者除外）达98%以上 | 非文盲率                           | ≥ | 98  | %
                """)
        void fromAPhrase(String phrase, String indicator, String comparator, String value, String unit) {
            assertThat(item(phrase + "。").targets()).singleElement().satisfies(target -> {
                assertThat(target.indicator()).isEqualTo(indicator);
                assertThat(target.comparator().symbol()).isEqualTo(comparator);
                assertThat(target.value()).isEqualByComparingTo(value);
                assertThat(target.unit()).isEqualTo(unit);
                assertThat(target.source()).isEqualTo(phrase);
                assertThat(target.toTarget().text()).isEqualTo(indicator + " " + comparator + " " + value + (unit == null ? "" : unit));
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "做好2018-2020年教育部门中期财政规划预算工作。", "开展第21届推普周系列活动。", "学校规模为48个教学班，用地面积约60亩。",
                "计划到2025年底达到2018年的水平。", "攻克13#、14#、15#塔基征地难题。", "实施十二年公办学校学生免学费。"})
        void noneWhereTheNumbersAreNoTargets(String text) {
            assertThat(item(text).targets()).isEmpty();
        }

        @Test
        void severalInOneSentenceEachWithItsSentence() {
            var node = item("小学入学率达100%，初中入学率达95%以上。辍学率控制在1%以下。");

            assertThat(node.targets()).extracting(TargetSuggestion::indicator, TargetSuggestion::phrase, TargetSuggestion::source)
                    .containsExactly(
                            tuple("小学入学率", "小学入学率达100%", "小学入学率达100%，初中入学率达95%以上"),
                            tuple("初中入学率", "初中入学率达95%以上", "小学入学率达100%，初中入学率达95%以上"),
                            tuple("辍学率", "辍学率控制在1%以下", "辍学率控制在1%以下"));
        }
    }

    @Nested
    class Deadlines {

        @ParameterizedTest(name = "{0} → {1} {2}/{3} Q{4}")
        @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
                于1月31日前完成        | DATE        | 1  | 31 | -  | 于1月31日前完成
                在6月30日之前完成      | DATE        | 6  | 30 | -  | 在6月30日之前完成
                3月底完成              | MONTH_END   | 3  | -  | -  | 3月底完成
                9月末前到位            | MONTH_END   | 9  | -  | -  | 9月末前到位
                第二季度末完成         | QUARTER_END | -  | -  | 2  | 第二季度末完成
                三季度内完成           | QUARTER_END | -  | -  | 3  | 三季度内完成
                上半年内完成           | MONTH_END   | 6  | -  | -  | 上半年内完成
                力争年内完成           | YEAR_END    | -  | -  | -  | 年内完成
                年底前完成             | YEAR_END    | -  | -  | -  | 年底前完成
                于年底前建成           | YEAR_END    | -  | -  | -  | 于年底前建成
                暑期投入使用           | -           | -  | -  | -  | 暑期投入使用
                春季开学前完成         | -           | -  | -  | -  | 春季开学前完成
                6月前完成              | -           | -  | -  | -  | 6月前完成
                """)
        void fromAPhrase(String text, String kind, Integer month, Integer day, Integer quarter, String phrase) {
            assertThat(item("项目" + text + "。").deadlines()).singleElement().satisfies(deadline -> {
                assertThat(deadline.kind()).isEqualTo(kind == null ? null : DeadlineKind.valueOf(kind));
                assertThat(deadline.month()).isEqualTo(month);
                assertThat(deadline.day()).isEqualTo(day);
                assertThat(deadline.quarter()).isEqualTo(quarter);
                assertThat(deadline.phrase()).isEqualTo(phrase);
                assertThat(deadline.source()).isEqualTo("项目" + text);
            });
        }

        @Test
        void theDayItFallsOnInThePlansYear() {
            assertThat(item("于2月29日前完成。").deadlines().get(0).dateIn(2028)).isEqualTo(LocalDate.of(2028, 2, 29));
            assertThat(item("3月底完成。").deadlines().get(0).dateIn(2026)).isEqualTo(LocalDate.of(2026, 3, 31));
            assertThat(item("第二季度末完成。").deadlines().get(0).dateIn(2026)).isEqualTo(LocalDate.of(2026, 6, 30));
            assertThat(item("年内完成。").deadlines().get(0).dateIn(2026)).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(item("2027年3月底完成。").deadlines().get(0).dateIn(2026)).isEqualTo(LocalDate.of(2027, 3, 31));
            assertThat(item("暑期投入使用。").deadlines().get(0).dateIn(2026)).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"用三年时间完成。", "五年内实现全覆盖。", "本学年内完成。", "组织暑期教师培训。", "2018年全市教育工作。"})
        void noneWhereNoDeadlineIsMeant(String text) {
            assertThat(item(text).deadlines()).isEmpty();
        }

        @Test
        void aDayThatDoesNotExistOnlyAsWords() {
            assertThat(item("于2月30日前完成。").deadlines()).singleElement().satisfies(deadline -> {
                assertThat(deadline.kind()).isNull();
                assertThat(deadline.phrase()).isEqualTo("于2月30日前完成");
            });
        }
    }

    @Nested
    class Offices {

        private final ImportOptions options = ImportOptions.defaults().withOffices(List.of(
                KnownOffice.of(1L, "基础教育股", "基教股"),
                KnownOffice.of(2L, "人事股"),
                KnownOffice.of(3L, "计划财务股", "计财股"),
                KnownOffice.of(4L, "安全办", "校安办"),
                KnownOffice.of(5L, "教研室")));

        @Test
        void leadAndResponsibleInTheSplittingParagraph() {
            var node = item("基础教育股是牵头股室，人事股、计财股负责师资和经费保障。", options);

            assertThat(node.offices()).extracting(OfficeSuggestion::officeId, OfficeSuggestion::office, OfficeSuggestion::role,
                    OfficeSuggestion::mention).containsExactly(
                    tuple(1L, "基础教育股", OfficeRole.LEAD, "基础教育股"),
                    tuple(2L, "人事股", OfficeRole.COOPERATING, "人事股"),
                    tuple(3L, "计划财务股", OfficeRole.COOPERATING, "计财股"));
            assertThat(node.offices()).allSatisfy(office ->
                    assertThat(office.source()).isEqualTo("基础教育股是牵头股室，人事股、计财股负责师资和经费保障"));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                由校安办牵头，教研室配合。                | 4:LEAD,5:COOPERATING
                安全办负责，基教股协助。                  | 4:LEAD,1:COOPERATING
                教研室负责组织实施。                      | 5:LEAD
                请人事股做好统计。                        | 2:MENTIONED
                基础教育股牵头。教研室参与。基教股负责。  | 1:LEAD,5:COOPERATING
                """)
        void rolesFromTheClause(String text, String expected) {
            var node = item(text, options);

            assertThat(node.offices()).extracting(office -> office.officeId() + ":" + office.role())
                    .containsExactly(expected.split(","));
        }

        @Test
        void theLongestNameWins() {
            var node = item("基础教育股负责，基教股配合。", ImportOptions.defaults().withOffices(List.of(
                    KnownOffice.of(1L, "基础教育股"), KnownOffice.of(9L, "教育股"))));

            assertThat(node.offices()).extracting(OfficeSuggestion::officeId).containsExactly(1L);
        }

        @Test
        void noneWithoutKnownOffices() {
            assertThat(item("基础教育股是牵头股室。").offices()).isEmpty();
        }
    }
}
