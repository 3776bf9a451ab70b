package cn.workplan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Numbers follow from position alone: no database, no Spring. */
class OutlineNumberingTest {

    /** A node as numbering sees it, with a name for readable assertions. */
    record N(long id, Long parentId, NodeKind kind, int position, String name) implements OutlineNumbering.Node {
    }

    /** An outline written top to bottom; each node goes to the end of its parent. */
    static final class Sketch {
        final List<N> nodes = new ArrayList<>();

        long chapter(String name) {
            return add(null, NodeKind.CHAPTER, name);
        }

        long section(long chapter, String name) {
            return add(chapter, NodeKind.SECTION, name);
        }

        long item(Long parent, String name) {
            return add(parent, NodeKind.ITEM, name);
        }

        long point(long item, String name) {
            return add(item, NodeKind.POINT, name);
        }

        long add(Long parent, NodeKind kind, String name) {
            int position = (int) nodes.stream().filter(node -> java.util.Objects.equals(node.parentId(), parent)).count();
            var node = new N(nodes.size() + 1, parent, kind, position, name);
            nodes.add(node);
            return node.id();
        }

        /** Every node as "number + name", in document order. */
        List<String> numbered(Numbering numbering) {
            var numbers = OutlineNumbering.number(nodes, numbering);
            return OutlineNumbering.documentOrder(nodes).stream()
                    .map(node -> numbers.get(node.id()).label() + node.name()).toList();
        }
    }

    /** 一、A (一)A1 1 2 (二)A2 3 ; 二、B 4 (一)B1 5 6 ; top-level item 7. */
    private static Sketch twoChaptersWithSectionsAndLooseItems() {
        var sketch = new Sketch();
        long a = sketch.chapter("党的建设");
        long a1 = sketch.section(a, "政治建设");
        sketch.item(a1, "学习");
        sketch.item(a1, "教育");
        long a2 = sketch.section(a, "作风建设");
        sketch.item(a2, "纪律");
        long b = sketch.chapter("教育教学");
        sketch.item(b, "课程");
        long b1 = sketch.section(b, "学前教育");
        sketch.item(b1, "普惠");
        sketch.item(b1, "保教");
        return sketch;
    }

    @Test
    void continuousNumberingRunsItemsOnAcrossChaptersAndSections() {
        assertThat(twoChaptersWithSectionsAndLooseItems().numbered(Numbering.CONTINUOUS)).containsExactly(
                "一、党的建设",
                "（一）政治建设", "1.学习", "2.教育",
                "（二）作风建设", "3.纪律",
                "二、教育教学", "4.课程",
                "（一）学前教育", "5.普惠", "6.保教");
    }

    @Test
    void perSectionNumberingRestartsInEverySectionAndInEveryChapterForItemsDirectlyUnderIt() {
        assertThat(twoChaptersWithSectionsAndLooseItems().numbered(Numbering.PER_SECTION)).containsExactly(
                "一、党的建设",
                "（一）政治建设", "1.学习", "2.教育",
                "（二）作风建设", "1.纪律",
                "二、教育教学", "1.课程",
                "（一）学前教育", "1.普惠", "2.保教");
    }

    @Test
    void perSectionNumberingOfChaptersWithoutSections() {
        var sketch = new Sketch();
        long a = sketch.chapter("甲");
        sketch.item(a, "a");
        sketch.item(a, "b");
        long b = sketch.chapter("乙");
        sketch.item(b, "c");
        assertThat(sketch.numbered(Numbering.PER_SECTION)).containsExactly("一、甲", "1.a", "2.b", "二、乙", "1.c");
        assertThat(sketch.numbered(Numbering.CONTINUOUS)).containsExactly("一、甲", "1.a", "2.b", "二、乙", "3.c");
    }

    @Test
    void sectionsRestartInEveryChapter() {
        var sketch = new Sketch();
        long a = sketch.chapter("甲");
        sketch.section(a, "a1");
        sketch.section(a, "a2");
        sketch.section(a, "a3");
        long b = sketch.chapter("乙");
        sketch.section(b, "b1");
        sketch.section(b, "b2");
        assertThat(sketch.numbered(Numbering.CONTINUOUS))
                .containsExactly("一、甲", "（一）a1", "（二）a2", "（三）a3", "二、乙", "（一）b1", "（二）b2");
    }

    @Test
    void subPointsRestartInEveryItemAndDoNotCountAsItems() {
        for (var numbering : Numbering.values()) {
            var sketch = new Sketch();
            long a = sketch.chapter("甲");
            long first = sketch.item(a, "x");
            sketch.point(first, "x1");
            sketch.point(first, "x2");
            long second = sketch.item(a, "y");
            sketch.point(second, "y1");
            assertThat(sketch.numbered(numbering)).as(numbering.name())
                    .containsExactly("一、甲", "1.x", "（1）x1", "（2）x2", "2.y", "（1）y1");
        }
    }

    @Test
    void chaptersPastTenAreNumberedInChinese() {
        var sketch = new Sketch();
        for (int i = 1; i <= 12; i++) {
            sketch.chapter("第" + i + "章");
        }
        assertThat(sketch.numbered(Numbering.CONTINUOUS)).endsWith("九、第9章", "十、第10章", "十一、第11章", "十二、第12章");
    }

    @Test
    void eachNumberHasAPlainFormWithoutPunctuation() {
        var sketch = new Sketch();
        long chapter = sketch.chapter("甲");
        long section = sketch.section(chapter, "a");
        long item = sketch.item(section, "x");
        long point = sketch.point(item, "x1");
        var numbers = OutlineNumbering.number(sketch.nodes, Numbering.CONTINUOUS);
        assertThat(numbers.get(chapter)).isEqualTo(new OutlineNumbering.Number("一", "一、"));
        assertThat(numbers.get(section)).isEqualTo(new OutlineNumbering.Number("一", "（一）"));
        assertThat(numbers.get(item)).isEqualTo(new OutlineNumbering.Number("1", "1."));
        assertThat(numbers.get(point)).isEqualTo(new OutlineNumbering.Number("1", "（1）"));
    }

    @Test
    void documentOrderPutsParentsBeforeChildrenAndSiblingsByPositionWhateverTheInputOrder() {
        var sketch = twoChaptersWithSectionsAndLooseItems();
        var expected = sketch.numbered(Numbering.CONTINUOUS);
        var shuffled = new ArrayList<>(sketch.nodes);
        Collections.shuffle(shuffled, new Random(42));
        var numbers = OutlineNumbering.number(shuffled, Numbering.CONTINUOUS);
        assertThat(OutlineNumbering.documentOrder(shuffled).stream().map(node -> numbers.get(node.id()).label() + node.name()))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void positionsDecideTheOrderNotTheIds() {
        // the chapter added last was moved to the top: position 0
        var nodes = List.of(
                new N(1, null, NodeKind.CHAPTER, 1, "先建"),
                new N(2, null, NodeKind.CHAPTER, 2, "次建"),
                new N(3, null, NodeKind.CHAPTER, 0, "后建"),
                new N(4, 1L, NodeKind.ITEM, 0, "a"),
                new N(5, 3L, NodeKind.ITEM, 0, "b"));
        var numbers = OutlineNumbering.number(nodes, Numbering.CONTINUOUS);
        assertThat(OutlineNumbering.documentOrder(nodes).stream().map(node -> numbers.get(node.id()).label() + node.name()))
                .containsExactly("一、后建", "1.b", "二、先建", "2.a", "三、次建");
    }

    @Test
    void equalPositionsFallBackToCreationOrder() {
        var nodes = List.of(
                new N(7, null, NodeKind.CHAPTER, 0, "后"),
                new N(3, null, NodeKind.CHAPTER, 0, "先"));
        assertThat(OutlineNumbering.documentOrder(nodes)).extracting(N::name).containsExactly("先", "后");
    }

    @Test
    void anEmptyOutlineHasNoNumbers() {
        assertThat(OutlineNumbering.number(List.<N>of(), Numbering.CONTINUOUS)).isEmpty();
        assertThat(OutlineNumbering.documentOrder(List.<N>of())).isEmpty();
    }

    /** An imported excerpt keeps its printed numbers: chapter 二, items 3 on; restarting items ignore the first item. */
    @Test
    void anExcerptIsNumberedFromItsFirstChapterAndItem() {
        var sketch = new Sketch();
        long chapter = sketch.chapter("提升教育质量");
        long first = sketch.section(chapter, "义务教育");
        sketch.item(first, "入学");
        sketch.item(first, "改造");
        long second = sketch.section(chapter, "学前教育");
        sketch.item(second, "普惠");

        var numbers = OutlineNumbering.number(sketch.nodes, Numbering.CONTINUOUS, 2, 3);
        assertThat(OutlineNumbering.documentOrder(sketch.nodes).stream().map(node -> numbers.get(node.id()).label() + node.name()))
                .containsExactly("二、提升教育质量", "（一）义务教育", "3.入学", "4.改造", "（二）学前教育", "5.普惠");
        var restarting = OutlineNumbering.number(sketch.nodes, Numbering.PER_SECTION, 2, 3);
        assertThat(OutlineNumbering.documentOrder(sketch.nodes).stream().map(node -> restarting.get(node.id()).label() + node.name()))
                .containsExactly("二、提升教育质量", "（一）义务教育", "1.入学", "2.改造", "（二）学前教育", "1.普惠");
    }
}
