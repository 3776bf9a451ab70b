package cn.workplan.document.parsing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.workplan.document.DeadlineSuggestion;
import cn.workplan.plan.DeadlineKind;

/**
 * Finds deadlines in prose: 于1月31日前完成 (a day), 3月底完成 (the end of March), 第二季度末 (the end of a
 * quarter), 年内 and 年底前 (the end of the year); and, as words only, the ones no date expresses:
 * 暑期投入使用, 春季开学前, 6月前.
 */
public final class DeadlineExtractor {

    private static final String YEAR = "(?:(?<year>\\d{4})\\s*年)?";
    private static final String DONE = "(?:完成|投入使用|交付使用|到位|竣工|建成|结束)";
    private static final String THEN = DONE + "?";

    private record Rule(Pattern pattern, Function<Matcher, DeadlineSuggestion> suggestion) {
    }

    private static final List<Rule> RULES = List.of(
            rule("(?:于|在)?" + YEAR + "(?<month>\\d{1,2})\\s*月\\s*(?<day>\\d{1,2})\\s*日\\s*(?:前|之前|以前|止)" + THEN,
                    m -> suggestion(DeadlineKind.DATE, m, integer(m, "month"), integer(m, "day"), null)),
            rule("(?:于|在)?" + YEAR + "(?<month>\\d{1,2})\\s*月份?\\s*(?:底|末)(?:前|之前|以前)?" + THEN,
                    m -> suggestion(DeadlineKind.MONTH_END, m, integer(m, "month"), null, null)),
            rule("(?:于|在)?" + YEAR + "(?:第)?(?<quarter>[一二三四1-4])\\s*季度\\s*(?:(?:末|底|前|内)(?:前|之前)?" + THEN + "|" + DONE + ")",
                    m -> suggestion(DeadlineKind.QUARTER_END, m, null, null, "一二三四1234".indexOf(m.group("quarter")) % 4 + 1)),
            rule("(?:于|在)?" + YEAR + "上半年(?:(?:内|底|末|前)" + THEN + "|" + DONE + ")",
                    m -> suggestion(DeadlineKind.MONTH_END, m, 6, null, null)),
            rule("(?:于|在)?(?:(?<year>\\d{4})\\s*年(?:底|末)|(?<![\\d一二三四五六七八九十两几多学])(?:年内|年底|年末|本年度内|今年底|下半年(?:内|底|末)))"
                            + "(?:前|之前)?" + THEN,
                    m -> suggestion(DeadlineKind.YEAR_END, m, null, null, null)),
            rule(YEAR + "(?:暑期|暑假|寒假|春节|元旦|国庆|汛期|中考|高考|春季开学|秋季开学|开学|学期末|学期结束|\\d{1,2}\\s*月份?(?=前|之前|以前|中旬|上旬|下旬))"
                            + "(?:前|之前|以前|期间|中旬|上旬|下旬)?" + THEN,
                    m -> suggestion(null, m, null, null, null)));

    private static Rule rule(String pattern, Function<Matcher, DeadlineSuggestion> suggestion) {
        return new Rule(Pattern.compile(pattern), suggestion);
    }

    public List<DeadlineSuggestion> extract(String text) {
        var found = new ArrayList<DeadlineSuggestion>();
        for (var sentence : Sentences.sentences(text)) {
            if (!mayHoldDeadline(sentence.text())) {
                continue;
            }
            var taken = new BitSet();
            for (var rule : RULES) {
                var m = rule.pattern().matcher(sentence.text());
                while (m.find()) {
                    if (taken.get(m.start(), m.end()).isEmpty() && isDeadline(rule, m)) {
                        taken.set(m.start(), m.end());
                        var s = rule.suggestion().apply(m);
                        found.add(new DeadlineSuggestion(s.kind(), s.year(), s.month(), s.day(), s.quarter(),
                                s.phrase(), sentence.text().strip()));
                    }
                }
            }
        }
        found.sort(java.util.Comparator.comparingInt(s -> text.indexOf(s.phrase())));
        return found;
    }

    /** A textual deadline needs 前, 期间 or a completion after it: 暑期 alone may just say when something happens. */
    private static boolean isDeadline(Rule rule, Matcher m) {
        if (rule != RULES.get(RULES.size() - 1)) {
            return true;
        }
        var phrase = m.group();
        return phrase.matches(".*(前|期间|旬|完成|投入使用|交付使用|到位|竣工|建成|结束)$");
    }

    /** Every deadline names a day, a month, a quarter, a year or a season: a sentence without any is skipped at once. */
    private static boolean mayHoldDeadline(String sentence) {
        for (int i = 0; i < sentence.length(); i++) {
            char c = sentence.charAt(i);
            if (c >= '0' && c <= '9' || "季年暑寒春元国汛考学".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static DeadlineSuggestion suggestion(DeadlineKind kind, Matcher m, Integer month, Integer day, Integer quarter) {
        var year = m.group("year") == null ? null : Integer.valueOf(m.group("year"));
        if (kind == DeadlineKind.DATE && !validDay(month, day) || kind == DeadlineKind.MONTH_END && (month < 1 || month > 12)) {
            kind = null;
        }
        return new DeadlineSuggestion(kind, year, kind == null ? null : month, kind == null ? null : day,
                kind == null ? null : quarter, m.group().strip(), null);
    }

    private static boolean validDay(Integer month, Integer day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= java.time.Month.of(month).maxLength();
    }

    private static Integer integer(Matcher m, String group) {
        return Integer.valueOf(m.group(group));
    }
}
