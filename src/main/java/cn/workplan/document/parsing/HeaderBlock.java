package cn.workplan.document.parsing;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The header block a government information page prints above a document — 索引号, 主题分类, 发布机构,
 * 成文日期, 标题, 发文字号 — several fields to a line and the names often spread out with spaces
 * ("标       题:").
 */
public final class HeaderBlock {

    /** A field of the header block; {@link #OTHER} stands for names read only to end the field before. */
    public enum Field {
        INDEX_NUMBER("索引号"), SUBJECT("主题分类"), PUBLISHER("发布机构", "发文机关", "发文单位"),
        ISSUE_DATE("成文日期"), TITLE("标题"), DOCUMENT_NUMBER("发文字号", "文号"),
        OTHER("发布日期", "公开日期", "生效日期", "废止日期", "有效性", "公开方式", "公开范围", "所属机构", "组配分类", "体裁分类", "关键词");

        private final String[] names;

        Field(String... names) {
            this.names = names;
        }
    }

    private static final Pattern KEY;
    private static final Map<String, Field> FIELD_BY_NAME;

    static {
        FIELD_BY_NAME = Stream.of(Field.values())
                .flatMap(field -> Stream.of(field.names).map(name -> Map.entry(name, field)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        // longest names first, so that 主题分类 wins over 分类 and 发文字号 over 文号
        var alternatives = FIELD_BY_NAME.keySet().stream()
                .sorted((a, b) -> b.length() - a.length())
                .map(name -> String.join("\\s*", name.split("")))
                .collect(Collectors.joining("|"));
        KEY = Pattern.compile("(" + alternatives + ")\\s*[:：]\\s*");
    }

    private HeaderBlock() {
    }

    /** The fields of a header line, or empty when the line does not open with a field name. */
    public static Optional<Map<Field, String>> read(String line) {
        var matcher = KEY.matcher(line);
        if (!matcher.lookingAt()) {
            return Optional.empty();
        }
        var fields = new EnumMap<Field, String>(Field.class);
        Field field = null;
        int valueStart = 0;
        matcher.reset();
        while (matcher.find()) {
            if (field != null) {
                fields.putIfAbsent(field, line.substring(valueStart, matcher.start()).strip());
            }
            field = FIELD_BY_NAME.get(matcher.group(1).replaceAll("\\s", ""));
            valueStart = matcher.end();
        }
        fields.putIfAbsent(field, line.substring(valueStart).strip());
        fields.remove(Field.OTHER);
        fields.values().removeIf(String::isEmpty);
        return Optional.of(fields);
    }
}
