package cn.workplan.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A line's progress report for one period, with everything its page shows.
 *
 * @param report     the report, or {@code null} while nobody has saved one
 * @param editable   whether the viewer may write it now (its author's side: the line's office or school)
 * @param reviewable whether the viewer may approve or return it now (the lead office, once it is sent)
 * @param verifiable whether the viewer may mark its evidence verified or questioned (inspectors)
 * @param lines      for the lead office's consolidated report: the item's other lines in this period
 * @param suggested  for the consolidated report: the mean of the other lines' approved progress
 * @param maxFileMegabytes the largest evidence file accepted
 */
public record ReportPage(ReportLine line, ReportingPeriod period, LocalDate dueOn, Report report, List<TargetValue> targets,
        List<Evidence> evidence, List<Event> history, List<ReportingPeriod> periods, boolean editable, boolean reviewable,
        boolean verifiable, Light light, List<LineStatus> lines, Integer suggested, long maxFileMegabytes) {

    /** The saved report. */
    public record Report(long id, ReportState state, Progress progress, int percent, String narrative, String reviewComment,
            String author, Instant submittedAt, String reviewer, Instant reviewedAt, long version) {
    }

    /** One of the item's targets and the actual value reported for it. */
    public record TargetValue(long id, String indicator, String comparator, BigDecimal value, String unit, BigDecimal actual) {

        public String plain(BigDecimal number) {
            return number == null ? "" : number.stripTrailingZeros().toPlainString();
        }

        /** The comparator as printed everywhere else: ≥, not the stored {@code >=}. */
        public String symbol() {
            return cn.workplan.plan.TargetComparator.ofCode(comparator).map(cn.workplan.plan.TargetComparator::symbol).orElse(comparator);
        }
    }

    /** An evidence file, without its content. */
    public record Evidence(long id, String fileName, String contentType, long sizeBytes, String sha256, String uploader,
            Instant uploadedAt, String verification, String verificationNote, String verifier) {

        public boolean isImage() {
            return contentType.startsWith("image/") && !"image/heic".equals(contentType);
        }

        /** The size as people read it: 820 KB, 3.4 MB. */
        public String size() {
            return sizeBytes < 1024 * 1024 ? Math.max(1, Math.round(sizeBytes / 1024.0)) + " KB"
                    : String.format(java.util.Locale.ROOT, "%.1f MB", sizeBytes / 1024.0 / 1024.0);
        }
    }

    /** What happened to the report. */
    public record Event(String action, String actor, String comment, Instant occurredAt) {
    }

    /** Another line of the item in the same period, for the lead office's consolidation. */
    public record LineStatus(long lineId, String kind, String party, ReportState state, Integer percent, Progress progress,
            String narrative) {
    }

    /** What the file chooser offers. */
    public String accept() {
        return EvidenceType.ACCEPT;
    }

    public boolean hasReport() {
        return report != null;
    }

    public boolean readOnly() {
        return !editable;
    }
}
