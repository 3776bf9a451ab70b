package cn.workplan.plan.web;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Fragments with hundreds of rows — the outline's nodes for viewers who are not arranging it, the task
 * table's rows — rendered once per distinct content and reused. Rendering ~530 nodes costs tens of
 * milliseconds, and most views of a plan show what the previous view showed, so the HTML of the last
 * renderings is kept.
 *
 * <p>The key is the fragment with its variables and the locale. The variables are records (the outline, its
 * nodes, the task table's lines) and texts, so two keys are equal exactly when everything the fragment can
 * print is equal — the viewer's permissions (which nodes they may edit, whether they may add items) are part
 * of the records. Nothing has to be evicted when a plan changes: the next view reads the changed plan, which
 * is a new key. The last renderings are kept in a Caffeine cache through Spring's cache abstraction (size in
 * {@code application.yml}, its statistics in the {@code cache.*} metrics). The fragments are rendered outside the web request, so they get every URL from the page
 * ({@code itemUrl}, with the context path) and hold no forms (no CSRF token): arranging views are rendered
 * in the page as usual.
 */
@Component("reusedHtml")
public class ReusedHtml {

    /** The cache, Caffeine's, sized in {@code spring.cache.caffeine.spec} (the last 32 renderings). */
    static final String CACHE = "reused-html";

    private final ITemplateEngine templates;
    private final MeterRegistry meters;
    private final Cache rendered;

    ReusedHtml(ITemplateEngine templates, MeterRegistry meters, CacheManager caches) {
        this.templates = templates;
        this.meters = meters;
        this.rendered = Objects.requireNonNull(caches.getCache(CACHE), "the cache " + CACHE + " (spring.cache.cache-names)");
    }

    private record Key(String template, String fragment, Map<String, Object> variables, Locale locale) {
    }

    /**
     * The fragment rendered with the variables, as {@code ~{template :: fragment}} would render it in the page; a key
     * asked for twice at once is rendered once. Counted in {@code workplan.fragment.html} by fragment and result
     * (reused or rendered).
     */
    public String render(String template, String fragment, Map<String, Object> variables) {
        var key = new Key(template, fragment, Map.copyOf(variables), LocaleContextHolder.getLocale());
        var fresh = new boolean[1];
        var html = rendered.get(key, () -> {
            fresh[0] = true;
            return templates.process(template, Set.of(fragment), new Context(key.locale(), key.variables()));
        });
        meters.counter("workplan.fragment.html", "fragment", fragment, "result", fresh[0] ? "rendered" : "reused").increment();
        return html;
    }
}
