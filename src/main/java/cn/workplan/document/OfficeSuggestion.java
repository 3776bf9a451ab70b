package cn.workplan.document;

/**
 * An office named in the text (or in a task table's 牵头单位 / 责任单位 column), matched against the
 * bureau's offices, for a person to accept or drop.
 *
 * @param officeId the matched office's id as given in {@link KnownOffice}; {@code null} when the office
 *                 was named in a table but matches none of the known offices
 * @param office   the matched office's name, or the text of the table cell
 * @param role     what the text says the office does
 * @param mention  the words that named it: its name or short name as written
 * @param source   the sentence (or table cell) that holds them
 */
public record OfficeSuggestion(Long officeId, String office, OfficeRole role, String mention, String source) {

    /** What the text says an office does with a task. */
    public enum OfficeRole {
        /** 牵头: "…是牵头股室", "由…牵头", or the only office that "负责" */
        LEAD,
        /** 配合, 协助, 参与, or "负责" a part beside a lead office */
        COOPERATING,
        /** named without a role */
        MENTIONED
    }
}
