package cn.workplan.system;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every module shares.
 *
 * @param timeZone the bureau's time zone: dates on screen and "today" are in it
 */
@ConfigurationProperties("workplan")
public record WorkplanProperties(@DefaultValue("Asia/Shanghai") ZoneId timeZone) {
}
