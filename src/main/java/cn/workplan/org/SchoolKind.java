package cn.workplan.org;

import java.util.Arrays;
import java.util.Optional;

/** Kinds of school a county bureau oversees, with the Chinese names used in imports. */
public enum SchoolKind {
    KINDERGARTEN("幼儿园"),
    PRIMARY("小学"),
    JUNIOR_HIGH("初中"),
    NINE_YEAR("九年一贯制"),
    SENIOR_HIGH("高中"),
    COMPLETE_SECONDARY("完全中学"),
    VOCATIONAL("职高"),
    SPECIAL("特教"),
    TEACHING_POINT("教学点"),
    OTHER("其他");

    private final String chineseName;

    SchoolKind(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    public String messageKey() {
        return "school.kind." + name();
    }

    /** Reads a kind as people write it in a spreadsheet: its Chinese name, a common variant, or the code. */
    public static Optional<SchoolKind> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        var value = text.strip();
        var exact = Arrays.stream(values())
                .filter(kind -> kind.chineseName.equals(value) || kind.name().equalsIgnoreCase(value))
                .findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        return switch (value) {
            case "九年一贯制学校", "九年制学校" -> Optional.of(NINE_YEAR);
            case "职教中心", "职业高中", "中职" -> Optional.of(VOCATIONAL);
            case "特教学校", "特殊教育学校" -> Optional.of(SPECIAL);
            case "中学", "初级中学" -> Optional.of(JUNIOR_HIGH);
            case "高级中学" -> Optional.of(SENIOR_HIGH);
            case "完中" -> Optional.of(COMPLETE_SECONDARY);
            case "小学教学点" -> Optional.of(TEACHING_POINT);
            default -> Optional.empty();
        };
    }
}
