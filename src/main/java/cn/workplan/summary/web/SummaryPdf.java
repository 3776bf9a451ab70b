package cn.workplan.summary.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import cn.workplan.document.export.HtmlPdf;
import cn.workplan.document.export.OfficialDocx;
import cn.workplan.summary.SummaryView;

import org.springframework.stereotype.Component;

/** A drafted report as a PDF: the template {@code summary/summary-pdf.html} laid out by {@link HtmlPdf}, like the plan's. */
@Component
class SummaryPdf {

    private final HtmlPdf pdf;
    private final Clock clock;

    SummaryPdf(HtmlPdf pdf, Clock clock) {
        this.pdf = pdf;
        this.clock = clock;
    }

    boolean available() {
        return pdf.available();
    }

    byte[] render(SummaryView summary) {
        return pdf.render("summary/summary-pdf", Map.of("summary", summary,
                "dated", OfficialDocx.date(LocalDate.ofInstant(summary.dated(), clock.getZone()))));
    }
}
