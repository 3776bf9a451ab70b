package cn.workplan.document.web;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import cn.workplan.account.CurrentUser;
import cn.workplan.document.DraftSnapshot;
import cn.workplan.document.ImportDraft;
import cn.workplan.system.preview.HeldPreviews;

import org.springframework.stereotype.Component;

/**
 * Holds the imports a person is shaping on the preview, for that person only, under a token: in the database
 * ({@link HeldPreviews}), so that a preview read on one instance of the application is edited and saved on another.
 * A token of someone else, or an old one, finds nothing. Keeps a person's last few, for two hours after the last use.
 */
@Component
class ImportDrafts {

    private static final String KIND = "plan";

    private final HeldPreviews previews;

    ImportDrafts(HeldPreviews previews) {
        this.previews = previews;
    }

    String hold(CurrentUser owner, ImportDraft draft) {
        return previews.hold(owner.id(), KIND, DraftSnapshot.of(draft));
    }

    Optional<ImportDraft> find(CurrentUser owner, String token) {
        return previews.<DraftSnapshot>find(owner.id(), KIND, token, previews.type(DraftSnapshot.class))
                .map(DraftSnapshot::toDraft);
    }

    /** Changes the draft and keeps it changed; empty when the token finds none. A change that throws changes nothing. */
    Optional<ImportDraft> edit(CurrentUser owner, String token, Consumer<ImportDraft> change) {
        return work(owner, token, draft -> {
            change.accept(draft);
            return draft;
        });
    }

    /**
     * Works on the draft in one transaction that the work joins (saving a plan from it, say), the draft locked
     * meanwhile so that a second click waits and then sees what the first did. The draft is kept as the work left it,
     * or dropped once every plan of it is saved. Empty when the token finds none.
     */
    <R> Optional<R> work(CurrentUser owner, String token, Function<ImportDraft, R> work) {
        return previews.<DraftSnapshot, R>edit(owner.id(), KIND, token, previews.type(DraftSnapshot.class), held -> {
            var draft = held.value().toDraft();
            var result = work.apply(draft);
            if (draft.allSaved()) {
                held.drop();
            } else {
                held.replace(DraftSnapshot.of(draft));
            }
            return result;
        });
    }
}
