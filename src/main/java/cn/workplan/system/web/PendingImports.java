package cn.workplan.system.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import cn.workplan.system.table.ImportPreview;

import org.springframework.stereotype.Component;

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
