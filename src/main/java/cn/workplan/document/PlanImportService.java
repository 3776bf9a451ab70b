package cn.workplan.document;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import lombok.extern.slf4j.Slf4j;

import cn.workplan.account.CurrentUser;
import cn.workplan.plan.DeadlineKind;
import cn.workplan.plan.ItemData;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.OutlineService;
import cn.workplan.plan.PlanData;
import cn.workplan.plan.PlanKind;
import cn.workplan.plan.PlanService;
import cn.workplan.plan.TargetData;
import cn.workplan.system.InvalidInputException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a document into an {@link ImportDraft} for the preview, and saves one plan of it as a new draft
 * plan, all of it or nothing, through the plan module's services (which check who may do what and audit
 * the new plan).
 */
@Slf4j
@Service
public class PlanImportService {

    private final PlanImporter importer;
    private final BureauOffices offices;
    private final PlanService plans;
    private final OutlineService outline;
    private final Clock clock;

    PlanImportService(
            PlanImporter importer, BureauOffices offices, PlanService plans, OutlineService outline, Clock clock) {
        this.importer = importer;
        this.offices = offices;
        this.plans = plans;
        this.outline = outline;
        this.clock = clock;
    }

    /** Reads pasted text; office mentions are matched against the bureau's active offices. */
    public ImportDraft readText(String text, boolean toSimplified, CurrentUser user) throws DocumentImportException {
        return readText(text, toSimplified, ImportPurpose.PLAN, user);
    }

    /** Reads pasted text for a plan or an upper-level document. */
    public ImportDraft readText(String text, boolean toSimplified, ImportPurpose purpose, CurrentUser user)
            throws DocumentImportException {
        PlanService.checkCanCreate(user);
        return new ImportDraft("", purpose, importer.readText(text, offices.options(toSimplified)), LocalDate.now(clock));
    }

    /** Reads an uploaded .txt, .docx or .xlsx file. */
    public ImportDraft readFile(String fileName, byte[] content, boolean toSimplified, CurrentUser user)
            throws DocumentImportException {
        return readFile(fileName, content, toSimplified, ImportPurpose.PLAN, user);
    }

    /** Reads an uploaded .txt, .docx or .xlsx file for a plan or an upper-level document. */
    public ImportDraft readFile(String fileName, byte[] content, boolean toSimplified, ImportPurpose purpose, CurrentUser user)
            throws DocumentImportException {
        PlanService.checkCanCreate(user);
        return new ImportDraft(fileName, purpose, importer.readFile(fileName, content, offices.options(toSimplified)),
                LocalDate.now(clock));
    }

    /**
     * Creates a draft plan from one plan of the import: header, chapters, sections, items with the accepted
     * suggestions, and sub-points. One transaction: when anything is refused, nothing is kept.
     *
     * @return the new plan's id and how many task items it holds
     */
    @Transactional
    public Saved save(DraftedPlan draft, CurrentUser user) {
        PlanService.checkCanCreate(user);
        if (draft.savedPlanId() != null) {
            throw new InvalidInputException("plan", "document.import.error.alreadySaved");
        }
        if (draft.title().isBlank()) {
            throw new InvalidInputException("title", "document.import.error.noTitle");
        }
        var data = new PlanData(draft.year(), draft.title(), PlanKind.WORK_POINTS, draft.preamble(), draft.numbering(), null);
        long planId = plans.createFromDocument(data, draft.documentNumber(), draft.issueDate(), draft.firstChapter(),
                draft.firstItem(), user);
        Long chapter = null;
        Long section = null;
        Long item = null;
        int items = 0;
        for (var node : draft.nodes()) {
            switch (node.kind()) {
                case CHAPTER -> {
                    chapter = outline.addHeading(planId, null, NodeKind.CHAPTER, headline(node), node.body(), user);
                    section = null;
                    item = null;
                }
                case SECTION -> {
                    if (chapter == null) {
                        throw new InvalidInputException("outline", "document.import.error.sectionOutsideChapter", node.headline());
                    }
                    section = outline.addHeading(planId, chapter, NodeKind.SECTION, headline(node), node.body(), user);
                    item = null;
                }
                case ITEM -> {
                    item = outline.addItem(planId, section != null ? section : chapter, itemData(draft, node), user);
                    items++;
                }
                case POINT -> {
                    if (item == null) {
                        throw new InvalidInputException("outline", "document.import.error.pointOutsideItem", node.headline());
                    }
                    outline.addHeading(planId, item, NodeKind.POINT, headline(node), node.body(), user);
                }
            }
        }
        log.info("{} imported plan #{} with {} items", user.getUsername(), planId, items);
        return new Saved(planId, items);
    }

    /** What saving created. */
    public record Saved(long planId, int items) {
    }

    /** A heading needs a headline: one that was only a number takes its body's first words. */
    private static String headline(DraftedNode node) {
        return node.headline().isBlank() ? node.body() : node.headline();
    }

    private static ItemData itemData(DraftedPlan plan, DraftedNode node) {
        var targets = new ArrayList<TargetData>();
        node.acceptedTargets().forEach(target -> targets.add(TargetData.of(target.toTarget())));
        var deadline = node.acceptedDeadline();
        DeadlineKind kind = null;
        LocalDate date = null;
        Integer month = null;
        Integer quarter = null;
        if (deadline != null && deadline.kind() != null) {
            if (deadline.year() != null && deadline.year() != plan.year()) {
                // a deadline in another year than the plan's is kept as the day it falls on
                kind = DeadlineKind.DATE;
                date = deadline.dateIn(plan.year());
            } else {
                kind = deadline.kind();
                date = kind == DeadlineKind.DATE ? deadline.dateIn(plan.year()) : null;
                month = kind == DeadlineKind.MONTH_END ? deadline.month() : null;
                quarter = kind == DeadlineKind.QUARTER_END ? deadline.quarter() : null;
            }
        }
        return new ItemData(headline(node), node.body(), node.leadOfficeId(), node.cooperatingOfficeIds(), List.of(),
                targets, kind, date, month, quarter, plan.milestone(node, 1), plan.milestone(node, 2),
                plan.milestone(node, 3), plan.milestone(node, 4), false, "", null, null);
    }
}
