package cn.workplan.publication.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * ETags for the public pages: the hash of what the page answers, so that a county website or a proxy asking again with
 * {@code If-None-Match} gets "304 Not Modified" and no body. A hash of the answer is exact whatever changed (a revision, a
 * new report moving the progress table, the day moving a light), where an ETag worked out from the data would have to
 * know every source of the page. The page is still made for every request; the benchmark {@code public-plan} measures
 * that.
 */
@Configuration(proxyBeanMethods = false)
class PublicPageCaching {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> publicPageEtags() {
        var registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/public/*");
        registration.setName("publicPageEtags");
        return registration;
    }
}
