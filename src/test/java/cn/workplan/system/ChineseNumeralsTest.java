package cn.workplan.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseNumeralsTest {

    @Test
    void writesOneToTen() {
        assertThat(IntStream.rangeClosed(1, 10).mapToObj(ChineseNumerals::of))
                .containsExactly("一", "二", "三", "四", "五", "六", "七", "八", "九", "十");
    }

    @ParameterizedTest
    @CsvSource({
            "11, 十一",
            "12, 十二",
            "19, 十九",
            "20, 二十",
            "21, 二十一",
            "35, 三十五",
            "99, 九十九",
            "100, 一百",
            "101, 一百零一",
            "109, 一百零九",
            "110, 一百一十",
            "111, 一百一十一",
            "120, 一百二十",
            "999, 九百九十九"})
    void writesTensAndHundredsAsPlansPrintThem(int number, String numeral) {
        assertThat(ChineseNumerals.of(number)).isEqualTo(numeral);
    }

    @Test
    void refusesZeroAndNegativeNumbers() {
        assertThatThrownBy(() -> ChineseNumerals.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChineseNumerals.of(-3)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "一, 1",
            "九, 9",
            "十, 10",
            "十一, 11",
            "十二, 12",
            "二十, 20",
            "二十三, 23",
            "九十九, 99",
            "一百, 100",
            "一百零一, 101",
            "一百一十, 110"})
    void readsNumeralsOfHeadings(String numeral, int number) {
        assertThat(ChineseNumerals.parse(numeral)).isEqualTo(number);
    }

    @Test
    void readsBackEverythingItWrites() {
        IntStream.rangeClosed(1, 999).forEach(number ->
                assertThat(ChineseNumerals.parse(ChineseNumerals.of(number))).as("%d", number).isEqualTo(number));
    }

    @Test
    void parseAnswersMinusOneForWhatIsNoNumeral() {
        assertThat(ChineseNumerals.parse(null)).isEqualTo(-1);
        assertThat(ChineseNumerals.parse("")).isEqualTo(-1);
        assertThat(ChineseNumerals.parse("12")).isEqualTo(-1);
        assertThat(ChineseNumerals.parse("一、")).isEqualTo(-1);
        assertThat(ChineseNumerals.parse("（一）")).isEqualTo(-1);
    }
}
