package cn.workplan.document.parsing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A plan while it is being read. */
final class DraftPlan {

    /** A period of the quarterly schedule while it is being read. */
    static final class Schedule {
        final int quarter;
        final String period;
        final List<String> tasks = new ArrayList<>();
        final int firstLine;
        int lastLine;
        /** Whether the tasks carry numbers (1、…), so that a paragraph after them is no task. */
        boolean numbered;

        Schedule(int quarter, String period, int line) {
            this.quarter = quarter;
            this.period = period;
            this.firstLine = line;
            this.lastLine = line;
        }
    }

    String title;
    /** Whether the title was read from a title line (not only from the header block or a part heading). */
    boolean titleFromLine;
    String documentNumber;
    LocalDate issueDate;
    String publisher;
    String indexNumber;
    String subject;
    final List<DraftNode.Paragraph> preamble = new ArrayList<>();
    final List<DraftNode> nodes = new ArrayList<>();
    final List<Schedule> schedule = new ArrayList<>();
    int firstLine = Integer.MAX_VALUE;
    int lastLine;

    void saw(int line) {
        firstLine = Math.min(firstLine, line);
        lastLine = Math.max(lastLine, line);
    }

    boolean hasText() {
        return !preamble.isEmpty() || !nodes.isEmpty() || !schedule.isEmpty();
    }

    boolean isEmpty() {
        return title == null && !hasText() && documentNumber == null;
    }
}
