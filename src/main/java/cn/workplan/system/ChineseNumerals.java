package cn.workplan.system;

/** Chinese numerals as plans print them: 一 … 十, 十一 … 十九, 二十, 二十一 … 九十九, 一百 … */
public final class ChineseNumerals {

    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private ChineseNumerals() {
    }

    public static String of(int number) {
        if (number <= 0) {
            throw new IllegalArgumentException("not a positive number: " + number);
        }
        if (number < 10) {
            return DIGITS[number];
        }
        if (number < 20) {
            return "十" + (number % 10 == 0 ? "" : DIGITS[number % 10]);
        }
        if (number < 100) {
            return DIGITS[number / 10] + "十" + (number % 10 == 0 ? "" : DIGITS[number % 10]);
        }
        if (number < 1000) {
            int rest = number % 100;
            String tail;
            if (rest == 0) {
                tail = "";
            } else if (rest < 10) {
                tail = "零" + DIGITS[rest];
            } else {
                // 一百一十, not 一百十
                tail = rest < 20 ? "一" + of(rest) : of(rest);
            }
            return DIGITS[number / 100] + "百" + tail;
        }
        return Integer.toString(number);
    }

    /** Reads a numeral as written in a heading (一, 十二, 二十三); -1 when it is none. */
    public static int parse(String text) {
        if (text == null || text.isEmpty()) {
            return -1;
        }
        int total = 0;
        int current = 0;
        for (char c : text.toCharArray()) {
            int digit = "零一二三四五六七八九".indexOf(c);
            if (digit >= 0) {
                current = digit;
            } else if (c == '十') {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            } else if (c == '百') {
                total += (current == 0 ? 1 : current) * 100;
                current = 0;
            } else {
                return -1;
            }
        }
        return total + current;
    }
}
