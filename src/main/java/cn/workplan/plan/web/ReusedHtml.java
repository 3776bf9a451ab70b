package cn.workplan.plan.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Fragments with hundreds of rows — the outline's nodes for viewers who are not arranging it, the task
 * table's rows — rendered once per distinct content and reused. Rendering ~530 nodes costs tens of
 * milliseconds, and most views of a plan show what the previous view showed, so the HTML of the last
 * {@value #CAPACITY} renderings is kept.
 *
 * <p>The key is the fragment with its variables and the locale. The variables are records (the outline, its
 * nodes, the task table's lines) and texts, so two keys are equal exactly when everything the fragment can
 * print is equal — the viewer's permissions (which nodes they may edit, whether they may add items) are part
 * of the records. Nothing has to be evicted when a plan changes: the next view reads the changed plan, which
 * is a new key. The fragments are rendered outside the web request, so they get every URL from the page
 * ({@code itemUrl}, with the context path) and hold no forms (no CSRF token): arranging views are rendered
 * in the page as usual.
 */
@Component("reusedHtml")
public class ReusedHtml {

    /** About 0.6 MB of text for the outline or the task table of 400 items. */
    static final int CAPACITY = 32;

    private final ITemplateEngine templates;
    private final MeterRegistry meters;
    private final Map<Key, String> rendered = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
            return size() > CAPACITY;
        }
    };

    ReusedHtml(ITemplateEngine templates, MeterRegistry meters) {
        this.templates = templates;
        this.meters = meters;
    }

    private record Key(String template, String fragment, Map<String, Object> variables, Locale locale) {
    }

    /**
     * The fragment rendered with the variables, as {@code ~{template :: fragment}} would render it in the page.
     * Counted in {@code workplan.fragment.html} by fragment and result (reused or rendered).
     */
    public String render(String template, String fragment, Map<String, Object> variables) {
        var key = new Key(template, fragment, Map.copyOf(variables), LocaleContextHolder.getLocale());
        synchronized (rendered) {
            var html = rendered.get(key);
            if (html != null) {
                meters.counter("workplan.fragment.html", "fragment", fragment, "result", "reused").increment();
                return html;
            }
        }
        meters.counter("workplan.fragment.html", "fragment", fragment, "result", "rendered").increment();
        var html = templates.process(template, Set.of(fragment), new Context(key.locale(), key.variables()));
        synchronized (rendered) {
            rendered.put(key, html);
        }
        return html;
    }
}
