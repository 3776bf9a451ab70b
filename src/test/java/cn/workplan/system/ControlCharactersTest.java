package cn.workplan.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What copying out of Word, a PDF or Excel brings along and what of it stays. */
class ControlCharactersTest {

    @Test
    void takesOutNulAndTheOtherControlCharacters() {
        assertThat(ControlCharacters.strip("安\u0000全\u0001\u0007\u001b\u001f\u007f教育")).isEqualTo("安全教育");
    }

    @Test
    void keepsTabsAndLineBreaksAndMakesWordsLineAndPageBreaksLineBreaks() {
        assertThat(ControlCharacters.strip("一、重点\t工作\r\n1.推进\u000b（1）落实\f二、保障")).isEqualTo("一、重点\t工作\r\n1.推进\n（1）落实\n二、保障");
    }

    @Test
    void leavesCleanTextAsItIs() {
        var clean = "青山县教育局 2026 年工作要点（全文）";
        assertThat(ControlCharacters.strip(clean)).isSameAs(clean);
        assertThat(ControlCharacters.present(clean)).isFalse();
        assertThat(ControlCharacters.present("a\u0000")).isTrue();
        assertThat(ControlCharacters.strip(null)).isNull();
    }
}
