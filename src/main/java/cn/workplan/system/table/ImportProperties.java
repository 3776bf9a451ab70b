package cn.workplan.system.table;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many uploaded files are read at once, set under {@code workplan.imports}.
 *
 * @param maxConcurrent how many files (spreadsheets, Word documents, pasted plans) are read at the same time on
 *                      this instance; reading one takes a core and some memory while it lasts
 * @param busyWait      how long an upload waits for its turn before the person is told to try again in a moment
 */
@ConfigurationProperties("workplan.imports")
public record ImportProperties(@DefaultValue("2") int maxConcurrent, @DefaultValue("3s") Duration busyWait) {

    public ImportProperties {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("workplan.imports.max-concurrent must be at least 1");
        }
    }
}
