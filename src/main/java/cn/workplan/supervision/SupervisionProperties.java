package cn.workplan.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of supervision notices.
 *
 * @param office       the supervision office (督导室), by its short name or its full name: its staff issue notices
 *                     like leaders and see them all
 * @param numberPrefix what a notice's number starts with: 督办 gives 督办〔2026〕3号
 */
@ConfigurationProperties("workplan.supervision")
public record SupervisionProperties(@DefaultValue("督导室") String office, @DefaultValue("督办") String numberPrefix) {

    /** The number as printed: 督办〔2026〕3号. */
    public String number(int year, int number) {
        return numberPrefix + "〔" + year + "〕" + number + "号";
    }
}
