package cn.workplan.document;

import java.util.List;

/**
 * An office of the bureau that office mentions are matched against: its name (基础教育股) and the short
 * names people write (基教股).
 *
 * @param id an id the caller knows the office by, returned in {@link OfficeSuggestion#officeId()}; may be {@code null}
 */
public record KnownOffice(Long id, String name, List<String> shortNames) {

    public KnownOffice {
        shortNames = shortNames == null ? List.of() : List.copyOf(shortNames);
    }

    public static KnownOffice of(Long id, String name, String... shortNames) {
        return new KnownOffice(id, name, List.of(shortNames));
    }
}
