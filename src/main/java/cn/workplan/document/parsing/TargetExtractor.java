package cn.workplan.document.parsing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.workplan.document.TargetSuggestion;
import cn.workplan.plan.TargetComparator;

/**
 * Finds targets in prose and suggests them as indicator, comparator, value and unit:
 * <ul>
 * <li>a measure with a verb: 入学率达95%以上 (≥ 95 %), 入学率达100% (= 100 %), 辍学率控制在1%以下 (≤ 1 %),
 * 交流人数达到应交流教职工总数的10%以上 (交流人数占应交流教职工总数比例 ≥ 10 %);</li>
 * <li>a count after an action: 培训各类教育技术人员200人次 (≥ 200 人次).</li>
 * </ul>
 */
public final class TargetExtractor {

    /** Longer stretches without punctuation are not prose a target hides in; skipping them keeps the search linear. */
    private static final int LONGEST_CLAUSE = 1000;

    private static final String NUMBER = "(?<value>\\d+(?:\\.\\d+)?)";
    private static final String NOT_A_DATE = "(?![\\d.年月日号届#])";

    private static final Pattern MEASURE = Pattern.compile(
            "(?<subject>[\\p{IsHan}A-Za-z0-9（）()“”、]{2,40}?)"
                    + "(?<verb>达到|提高到|提高至|提升到|提升至|保持在|保持为|保持|控制在|不低于|不少于|不高于|不超过|不多于|低于|高于|超过|至少|达)"
                    + "(?<base>[\\p{IsHan}]{1,20}的)?" + NUMBER
                    + "(?<unit>%|‰|个百分点|人次|万人|人|名|所|个|场|次|项|间|套|台|万元|亿元|元|小时|课时|学时|天|门|篇|家|平方米|亩|册)?"
                    + NOT_A_DATE + "(?<qualifier>以上|以下|以内|左右)?");

    private static final Pattern COUNT = Pattern.compile(
            "(?<subject>(?:培训|招聘|新增|新建|改扩建|建成|完成|举办|组织|评选|资助|补充|引进|创建|培养|表彰|选派|录用|招收|接收)"
                    + "[\\p{IsHan}“”、]{1,20}?)" + NUMBER
                    + "(?<unit>人次|万人|名|人|所|个|场|次|期|项|间|套|台|万元|亿元|平方米|班|批)" + "(?<qualifier>以上)?");

    /** Words that open a clause but belong to no indicator: 确保, 使, 力争 … */
    private static final Pattern FILLER = Pattern.compile("^(?:使|确保|力争|争取|保证|实现|让|要|并|且|全面|进一步|努力|使得)+");
    private static final Pattern ASIDE = Pattern.compile("[（(][^（）()]*[）)]");

    public List<TargetSuggestion> extract(String text) {
        var found = new ArrayList<TargetSuggestion>();
        for (var sentence : Sentences.sentences(text)) {
            for (var clause : Sentences.clauses(sentence.text())) {
                if (clause.text().length() > LONGEST_CLAUSE || !hasDigit(clause.text())) {
                    continue;
                }
                var measure = MEASURE.matcher(clause.text());
                while (measure.find()) {
                    suggestion(measure, false, sentence.text()).ifPresent(found::add);
                }
                var count = COUNT.matcher(clause.text());
                while (count.find()) {
                    suggestion(count, true, sentence.text()).ifPresent(found::add);
                }
            }
        }
        return found;
    }

    /** Every target has a number: a clause without a digit is skipped at once. */
    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static Optional<TargetSuggestion> suggestion(Matcher m, boolean count, String sentence) {
        var subject = m.group("subject");
        var filler = FILLER.matcher(subject);
        int skip = filler.lookingAt() ? filler.end() : 0;
        var indicator = ASIDE.matcher(subject.substring(skip)).replaceAll("").strip();
        if (indicator.length() < 2) {
            return Optional.empty();
        }
        var base = count ? null : m.group("base");
        if (base != null) {
            indicator = indicator + "占" + base.substring(0, base.length() - 1) + "比例";
        }
        var phrase = m.group().substring(skip);
        var unit = m.group("unit");
        return Optional.of(new TargetSuggestion(indicator, comparator(count ? null : m.group("verb"),
                m.group("qualifier"), count), new BigDecimal(m.group("value")), unit, phrase, sentence.strip()));
    }

    private static TargetComparator comparator(String verb, String qualifier, boolean count) {
        if (qualifier != null) {
            return switch (qualifier) {
                case "以上" -> TargetComparator.AT_LEAST;
                case "以下", "以内" -> TargetComparator.AT_MOST;
                default -> TargetComparator.EQUAL;
            };
        }
        if (count) {
            return TargetComparator.AT_LEAST;
        }
        return switch (verb) {
            case "不低于", "不少于", "至少", "提高到", "提高至", "提升到", "提升至" -> TargetComparator.AT_LEAST;
            case "不高于", "不超过", "不多于", "控制在" -> TargetComparator.AT_MOST;
            case "低于" -> TargetComparator.BELOW;
            case "高于", "超过" -> TargetComparator.ABOVE;
            default -> TargetComparator.EQUAL;
        };
    }
}
