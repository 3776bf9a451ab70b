package cn.workplan.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ReportingPeriodTest {

    @Test
    void monthsAndQuartersAndTheirDueDays() {
        var march = ReportCycle.MONTHLY.periodOf(LocalDate.of(2026, 3, 17));
        assertThat(march.start()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(march.end()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(march.dueOn(25)).isEqualTo(LocalDate.of(2026, 3, 25));
        assertThat(march.previous().dueOn(31)).as("February is shorter").isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(march.number()).isEqualTo(3);

        var third = ReportCycle.QUARTERLY.periodOf(LocalDate.of(2026, 8, 2));
        assertThat(third.start()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(third.end()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(third.dueOn(25)).as("in the quarter's last month").isEqualTo(LocalDate.of(2026, 9, 25));
        assertThat(third.number()).isEqualTo(3);
        assertThat(third.next().start()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThatThrownBy(() -> new ReportingPeriod(ReportCycle.QUARTERLY, LocalDate.of(2026, 8, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
