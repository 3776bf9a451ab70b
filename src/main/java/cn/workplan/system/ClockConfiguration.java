package cn.workplan.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock in the bureau's time zone, so that tests can fix "now". */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(WorkplanProperties properties) {
        return Clock.system(properties.timeZone());
    }
}
