package cn.workplan.plan;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/** How a target's actual value is compared with its goal: 入学率 ≥ 95 %. */
public enum TargetComparator {
    AT_LEAST(">=", "≥"), AT_MOST("<=", "≤"), EQUAL("=", "="), BELOW("<", "<"), ABOVE(">", ">");

    private final String code;
    private final String symbol;

    TargetComparator(String code, String symbol) {
        this.code = code;
        this.symbol = symbol;
    }

    /** As stored: {@code >=}. */
    public String code() {
        return code;
    }

    /** As printed: ≥. */
    public String symbol() {
        return symbol;
    }

    public boolean isMet(BigDecimal actual, BigDecimal goal) {
        int c = actual.compareTo(goal);
        return switch (this) {
            case AT_LEAST -> c >= 0;
            case AT_MOST -> c <= 0;
            case EQUAL -> c == 0;
            case BELOW -> c < 0;
            case ABOVE -> c > 0;
        };
    }

    public static Optional<TargetComparator> ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code) || c.symbol.equals(code)).findFirst();
    }
}
