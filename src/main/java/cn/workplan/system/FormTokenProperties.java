package cn.workplan.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long used form tokens are kept, set under {@code workplan.form-tokens}; the clean-up runs at
 * {@code workplan.form-tokens.cleanup-cron} (3:40 every night).
 *
 * @param keep a form sent again within this time after its first sending creates nothing; older tokens are deleted
 */
@ConfigurationProperties("workplan.form-tokens")
public record FormTokenProperties(@DefaultValue("30d") Duration keep) {
}
