package cn.workplan.plan.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.workplan.plan.Outline;
import cn.workplan.plan.OutlineNode;
import cn.workplan.plan.PlanHeader;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The nodes of an outline as HTML, for every viewer who is not arranging it (reading a published plan,
 * office staff drafting their items, leaders reviewing). Rendering ~530 nodes costs tens of milliseconds,
 * and most views of a plan show the same outline again, so the HTML is kept for the last
 * {@value #CAPACITY} outlines shown.
 *
 * <p>The key is the outline (its header and nodes) with the locale and the two base URLs: they are records,
 * so two outlines are equal exactly when everything the fragment prints is equal, the viewer's permissions (which nodes they may edit, whether they may add items) included. Nothing has to be evicted
 * when a plan changes: the next view reads the changed outline, which is a new key. Arranging views hold
 * forms with the session's CSRF token and are never rendered here.
 */
@Component("outlineHtml")
public class OutlineHtml {

    /** About 0.6 MB of text per outline of 400 items. */
    static final int CAPACITY = 32;

    private final ITemplateEngine templates;
    private final Counter hits;
    private final Counter misses;
    private final Map<Key, String> rendered = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
            return size() > CAPACITY;
        }
    };

    OutlineHtml(ITemplateEngine templates, MeterRegistry meters) {
        this.templates = templates;
        this.hits = meters.counter("workplan.outline.html", "result", "reused");
        this.misses = meters.counter("workplan.outline.html", "result", "rendered");
    }

    /** The outline's header and nodes; its map of children follows from the nodes, so it need not be compared. */
    private record Key(PlanHeader plan, List<OutlineNode> nodes, Locale locale, String itemUrl, String newItemUrl) {
    }

    /**
     * The top-level nodes with everything under them, as {@code plan/outline-node :: nodes} renders them.
     *
     * @param itemUrl    the base of the items' links, with the context path: /items/
     * @param newItemUrl the link that adds an item, up to the parent's id: /plans/7/items/new?parent=
     */
    public String render(Outline outline, String itemUrl, String newItemUrl) {
        var key = new Key(outline.plan(), outline.nodes(), LocaleContextHolder.getLocale(), itemUrl, newItemUrl);
        synchronized (rendered) {
            var html = rendered.get(key);
            if (html != null) {
                hits.increment();
                return html;
            }
        }
        misses.increment();
        var html = templates.process("plan/outline-node", Set.of("nodes"), new Context(key.locale(),
                Map.of("outline", outline, "itemUrl", itemUrl, "newItemUrl", newItemUrl)));
        synchronized (rendered) {
            rendered.put(key, html);
        }
        return html;
    }
}
