package cn.workplan.alignment;

import java.time.LocalDate;

/**
 * An upper-level document in a list.
 *
 * @param points how many points (要点) it has
 * @param linked how many of them the bureau's items carry out (in any plan)
 */
public record UpperDocumentRow(long id, int year, String title, String issuer, String documentNumber, LocalDate issueDate,
        int points, int linked) {
}
