package cn.workplan.alignment;

import java.time.Instant;
import java.time.LocalDate;

import cn.workplan.plan.Numbering;

/** An upper-level document's header, with what the viewer may do with it. */
public record UpperDocumentHeader(long id, int year, String title, String issuer, String documentNumber, LocalDate issueDate,
        String preamble, Numbering numbering, String source, String createdBy, Instant createdAt, long version, boolean editable) {

    /** How the bureau refers to it: 《云岭市教育局2026年工作要点》（云教发〔2026〕3号）. */
    public String citation() {
        return "《" + title + "》" + (documentNumber == null || documentNumber.isBlank() ? "" : "（" + documentNumber.strip() + "）");
    }

    public UpperDocumentData toData() {
        return new UpperDocumentData(year, title, issuer, documentNumber, issueDate, version);
    }
}
