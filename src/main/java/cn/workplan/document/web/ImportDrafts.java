package cn.workplan.document.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import cn.workplan.document.ImportDraft;

import org.springframework.stereotype.Component;

/**
 * Holds the imports a person is shaping on the preview, in their own session under a token, so that a
 * token from another session (or an old one) finds nothing. Keeps the last few only.
 */
@Component
class ImportDrafts {

    private static final String ATTRIBUTE = ImportDrafts.class.getName();
    private static final int KEPT = 3;

    String hold(HttpSession session, ImportDraft draft) {
        var token = UUID.randomUUID().toString();
        synchronized (session) {
            var held = held(session);
            held.put(token, draft);
            while (held.size() > KEPT) {
                held.remove(held.keySet().iterator().next());
            }
        }
        return token;
    }

    Optional<ImportDraft> find(HttpSession session, String token) {
        synchronized (session) {
            return Optional.ofNullable(held(session).get(token));
        }
    }

    void drop(HttpSession session, String token) {
        synchronized (session) {
            held(session).remove(token);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ImportDraft> held(HttpSession session) {
        var held = (Map<String, ImportDraft>) session.getAttribute(ATTRIBUTE);
        if (held == null) {
            held = new LinkedHashMap<>();
            session.setAttribute(ATTRIBUTE, held);
        }
        return held;
    }
}
