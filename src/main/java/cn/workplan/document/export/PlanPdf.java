package cn.workplan.document.export;

import java.util.HashMap;

import cn.workplan.plan.Outline;
import cn.workplan.system.web.DisplayFormats;

import org.springframework.stereotype.Component;

/**
 * The plan as a PDF in the proportions of the official document format (GB/T 9704): the template
 * {@code document/plan-pdf.html} renders the outline, which {@link HtmlPdf} lays out on A4 pages with the
 * Chinese font embedded.
 */
@Component
public class PlanPdf {

    private final HtmlPdf pdf;
    private final DisplayFormats formats;

    PlanPdf(HtmlPdf pdf, DisplayFormats formats) {
        this.pdf = pdf;
        this.formats = formats;
    }

    /** Whether PDFs can be made: a Chinese font was found. */
    public boolean available() {
        return pdf.available();
    }

    /**
     * The plan's PDF.
     *
     * @throws NoChineseFontException when no Chinese font was found
     */
    public byte[] render(Outline outline) {
        var variables = new HashMap<String, Object>();
        variables.put("outline", outline);
        variables.put("plan", outline.plan());
        variables.put("issueDate", outline.plan().issueDate() == null ? null : formats.date(outline.plan().issueDate()));
        return pdf.render("document/plan-pdf", variables);
    }
}
