package cn.workplan.document.parsing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/** Dates as plans print them: 2018-02-05, 2018年2月5日, 2018/2/5, 2018.2.5. */
public final class Dates {

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern DATE_LINE = Pattern.compile("^[（(]?\\s*" + DATE.pattern() + "\\s*[）)]?$");

    private Dates() {
    }

    /** The first date in the text. */
    public static Optional<LocalDate> find(String text) {
        var matcher = DATE.matcher(text == null ? "" : text);
        return matcher.find() ? of(matcher.group(1), matcher.group(2), matcher.group(3)) : Optional.empty();
    }

    /** The date when the line holds nothing else (a date under the text, or in brackets under the title). */
    public static Optional<LocalDate> line(String line) {
        var matcher = DATE_LINE.matcher(line == null ? "" : line.strip());
        return matcher.matches() ? of(matcher.group(1), matcher.group(2), matcher.group(3)) : Optional.empty();
    }

    private static Optional<LocalDate> of(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
