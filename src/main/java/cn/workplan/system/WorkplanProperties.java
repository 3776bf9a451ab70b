package cn.workplan.system;

import java.net.URI;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every module shares.
 *
 * @param timeZone the bureau's time zone: dates on screen and "today" are in it
 * @param baseUrl  the address people open the application at ({@code https://workplan.example.gov.cn}), for links
 *                 that leave the application, such as those in e-mails
 */
@ConfigurationProperties("workplan")
public record WorkplanProperties(@DefaultValue("Asia/Shanghai") ZoneId timeZone,
        @DefaultValue("http://localhost:8080") URI baseUrl) {

    /** The absolute address of an application path ({@code /items/5/lines}). */
    public String absolute(String path) {
        var base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
