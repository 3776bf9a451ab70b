package cn.workplan.system.web;

import java.util.List;
import java.util.function.ToIntFunction;

import cn.workplan.system.InvalidInputException;
import cn.workplan.system.preview.HeldPreviews;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Holds the checked rows of an import between the preview and the person's confirmation, for that person only (in
 * {@link HeldPreviews}, so on any instance of the application), so that what they confirm is exactly what they saw.
 * Keeps a person's last few previews of a kind, for two hours after the last use.
 */
@Component
public class PendingImports {

    private final HeldPreviews previews;

    PendingImports(HeldPreviews previews) {
        this.previews = previews;
    }

    /**
     * Holds the values the preview checked (records Jackson writes and reads back) for their owner.
     *
     * @param kind the import's page, such as {@code schools}: {@code /admin/schools/import}
     * @return the token the confirmation sends back
     */
    public String hold(long owner, String kind, List<?> values) {
        return previews.hold(owner, kind, values);
    }

    /**
     * Imports what the person confirmed, all or nothing, and says where to go next: back to the import page
     * when the preview expired, is someone else's, or the data changed since (an {@link InvalidInputException} from
     * the importer), to the list with "{@code importedMessage}" and the count otherwise. A preview is confirmed once.
     *
     * @param kind     the import's page, such as {@code schools}: {@code /admin/schools/import}
     * @param type     the class of the values held
     * @param importer creates every value and returns how many, in one transaction
     */
    public <T> String confirm(long owner, String kind, String token, Class<T> type, ToIntFunction<List<T>> importer,
            String importedMessage, RedirectAttributes flash) {
        var form = "redirect:/admin/" + kind + "/import";
        var values = previews.<List<T>>take(owner, kind, token, previews.listOf(type));
        if (values.isEmpty()) {
            flash.addFlashAttribute("error", "import.error.expired");
            return form;
        }
        try {
            int count = importer.applyAsInt(values.get());
            flash.addFlashAttribute("message", importedMessage);
            flash.addFlashAttribute("messageArgs", new Object[] {count});
            return "redirect:/admin/" + kind;
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", "import.error.changedSincePreview");
            return form;
        }
    }
}
