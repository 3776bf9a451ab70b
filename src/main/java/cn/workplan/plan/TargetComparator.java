package cn.workplan.plan;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a target's actual value is compared with its goal: 入学率 ≥ 95 %. The enum names the comparison, stores it
 * ({@link #code()}) and prints it ({@link #symbol()}); whether a value meets a target is decided in one place only, the
 * database function {@code target_met(comparator, actual, value)} (V12), which keeps the dashboards' running totals and
 * which the dashboards and the drafted reports read in the statements that read the values.
 */
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

    public static Optional<TargetComparator> ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code) || c.symbol.equals(code)).findFirst();
    }
}
