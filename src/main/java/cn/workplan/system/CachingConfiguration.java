package cn.workplan.system;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

/**
 * Spring's cache abstraction on Caffeine, configured in {@code application.yml} ({@code spring.cache.*}: the caches by
 * name and their size). Spring Boot sets up the {@code CacheManager} only with caching enabled; the one cache so far
 * holds rendered HTML ({@code plan.web.ReusedHtml}).
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CachingConfiguration {
}
