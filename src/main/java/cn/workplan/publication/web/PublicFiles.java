package cn.workplan.publication.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;

import cn.workplan.document.export.HtmlPdf;
import cn.workplan.document.export.OfficialDocx;
import cn.workplan.document.export.PlanDocxWriter;
import cn.workplan.publication.PublicPlans.PublicPlan;
import cn.workplan.plan.PublishedTexts.Amendment;

import org.springframework.stereotype.Component;

/**
 * The public plan as files, as the page shows it: the document as published in the official format (Word through
 * {@link PlanDocxWriter}'s layout on {@link OfficialDocx}, PDF through {@link HtmlPdf}), then, after the issue date, the
 * amendments made since, dated (附：发布后修订情况).
 */
@Component
class PublicFiles {

    private final HtmlPdf pdf;
    private final Clock clock;

    PublicFiles(HtmlPdf pdf, Clock clock) {
        this.pdf = pdf;
        this.clock = clock;
    }

    byte[] docx(PublicPlan plan) {
        var outline = plan.text().outline();
        var document = new OfficialDocx();
        PlanDocxWriter.writeText(document, outline);
        if (outline.plan().issueDate() != null) {
            document.blank();
            document.closing(OfficialDocx.date(outline.plan().issueDate()));
        }
        if (!plan.text().amendments().isEmpty()) {
            document.blank();
            document.body("附：发布后修订情况");
            int n = 0;
            for (var amendment : plan.text().amendments()) {
                document.body(++n + "." + amendment(amendment));
            }
        }
        return document.write(true);
    }

    boolean pdfAvailable() {
        return pdf.available();
    }

    byte[] pdf(PublicPlan plan) {
        var variables = new HashMap<String, Object>();
        var outline = plan.text().outline();
        variables.put("outline", outline);
        variables.put("plan", outline.plan());
        variables.put("issueDate", outline.plan().issueDate() == null ? null : OfficialDocx.date(outline.plan().issueDate()));
        variables.put("amendments", plan.text().amendments().stream().map(this::amendment).toList());
        return pdf.render("publication/public-pdf", variables);
    }

    /** 2026年5月10日，第12项修订为：“推进集团化办学。组建3个城乡教育集团……” */
    String amendment(Amendment amendment) {
        return OfficialDocx.date(LocalDate.ofInstant(amendment.revised(), clock.getZone())) + "，第"
                + amendment.number().replaceAll("[.．]$", "") + "项修订为：“" + OfficialDocx.sentence(amendment.headline())
                + amendment.body().strip() + "”";
    }
}
