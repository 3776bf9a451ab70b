package cn.workplan.system.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Chinese first: every page is in Simplified Chinese unless the person chose English with {@code ?lang=en}.
 * Static files and webjars as Spring Boot serves them, without rewriting links (see {@link #resourceUrlEncodingFilter}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("workplan-lang");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /**
     * Keeps Spring Boot from adding its {@link ResourceUrlEncodingFilter}, which it does because webjars-locator-lite
     * is present. That filter makes every link Thymeleaf writes ({@code @{/items/42}}) look for a static file of that
     * name in five places on the class path, and a miss is never cached (spring-framework#34014): a plan's outline
     * of 400 items writes thousands of links, which cost seconds per page. The templates' version-less webjar
     * URLs ({@code /webjars/bootstrap/css/bootstrap.min.css}) are resolved when the browser requests them instead.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
