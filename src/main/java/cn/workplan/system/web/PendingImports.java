package cn.workplan.system.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToIntFunction;

import jakarta.servlet.http.HttpSession;

import cn.workplan.system.InvalidInputException;
import cn.workplan.system.table.ImportPreview;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Holds a checked import between the preview and the person's confirmation, in their own session, so
 * that what they confirm is exactly what they saw. Keeps the last few previews only.
 */
@Component
public class PendingImports {

    private static final String ATTRIBUTE = PendingImports.class.getName();
    private static final int KEPT = 3;

    public String hold(HttpSession session, String kind, ImportPreview<?> preview) {
        var token = kind + ":" + UUID.randomUUID();
        synchronized (session) {
            var held = held(session);
            held.put(token, preview);
            while (held.size() > KEPT) {
                held.remove(held.keySet().iterator().next());
            }
        }
        return token;
    }

    /** Removes and returns the preview held under the token, if it is one of this kind. */
    @SuppressWarnings("unchecked")
    public <T> Optional<ImportPreview<T>> take(HttpSession session, String kind, String token) {
        if (token == null || !token.startsWith(kind + ":")) {
            return Optional.empty();
        }
        synchronized (session) {
            return Optional.ofNullable((ImportPreview<T>) held(session).remove(token));
        }
    }

    /**
     * Imports what the person confirmed, all or nothing, and says where to go next: back to the import page
     * when the preview expired or the data changed since (an {@link InvalidInputException} from the
     * importer), to the list with "{@code importedMessage}" and the count otherwise.
     *
     * @param kind     the import's page, such as {@code schools}: {@code /admin/schools/import}
     * @param importer creates every value and returns how many, in one transaction
     */
    public <T> String confirm(HttpSession session, String kind, String token, ToIntFunction<List<T>> importer,
            String importedMessage, RedirectAttributes flash) {
        var form = "redirect:/admin/" + kind + "/import";
        var preview = this.<T>take(session, kind, token);
        if (preview.isEmpty()) {
            flash.addFlashAttribute("error", "import.error.expired");
            return form;
        }
        try {
            int count = importer.applyAsInt(preview.get().values());
            flash.addFlashAttribute("message", importedMessage);
            flash.addFlashAttribute("messageArgs", new Object[] {count});
            return "redirect:/admin/" + kind;
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", "import.error.changedSincePreview");
            return form;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ImportPreview<?>> held(HttpSession session) {
        var held = (Map<String, ImportPreview<?>>) session.getAttribute(ATTRIBUTE);
        if (held == null) {
            held = new LinkedHashMap<>();
            session.setAttribute(ATTRIBUTE, held);
        }
        return held;
    }
}
