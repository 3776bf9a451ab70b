package cn.workplan.plan;

import java.util.Locale;
import java.util.Optional;

import jakarta.validation.constraints.Size;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The task table's filters and sort, all optional, all carried in the URL so that a filtered view can be
 * shared.
 *
 * @param office  items this office leads or cooperates on
 * @param chapter items under this chapter
 * @param key     only key items (重点)
 * @param tag     items with this category tag (no longer than an item's tags can be)
 * @param sort    {@code number} (default), {@code deadline} or {@code office}; anything else is dropped
 */
public record TaskFilter(Long office, Long chapter, Boolean key, @Size(max = 300) String tag, String sort) {

    public TaskFilter {
        sort = sort != null && java.util.Set.of("number", "deadline", "office").contains(sort.toLowerCase(Locale.ROOT)) ? sort : null;
    }

    public static TaskFilter none() {
        return new TaskFilter(null, null, null, null, null);
    }

    public static TaskFilter ofOffice(long officeId) {
        return new TaskFilter(officeId, null, null, null, null);
    }

    /** The sort, from the whitelist; anything else sorts by number. */
    public String sortKey() {
        var value = sort == null ? "" : sort.toLowerCase(Locale.ROOT);
        return switch (value) {
            case "deadline", "office" -> value;
            default -> "number";
        };
    }

    public boolean keyOnly() {
        return Boolean.TRUE.equals(key);
    }

    /** The filters that are set, as a URL's query ("?office=3&sort=deadline"), or "" when none is. */
    public String query() {
        return UriComponentsBuilder.newInstance()
                .queryParamIfPresent("office", Optional.ofNullable(office))
                .queryParamIfPresent("chapter", Optional.ofNullable(chapter))
                .queryParamIfPresent("key", Optional.ofNullable(keyOnly() ? Boolean.TRUE : null))
                .queryParamIfPresent("tag", Optional.ofNullable(tag).filter(value -> !value.isBlank()))
                .queryParamIfPresent("sort", Optional.ofNullable(sort).filter(value -> !value.isBlank()))
                .encode().build().toUriString();
    }
}
