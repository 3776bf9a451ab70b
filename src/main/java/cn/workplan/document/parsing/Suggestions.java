package cn.workplan.document.parsing;

import java.util.ArrayList;
import java.util.List;

import cn.workplan.document.DeadlineSuggestion;
import cn.workplan.document.KnownOffice;
import cn.workplan.document.OfficeSuggestion;
import cn.workplan.document.OfficeSuggestion.OfficeRole;
import cn.workplan.document.TargetSuggestion;
import cn.workplan.document.TaskAssignment;

/** What the text of one node suggests: targets, deadlines and offices. */
final class Suggestions {

    record Found(List<TargetSuggestion> targets, List<DeadlineSuggestion> deadlines, List<OfficeSuggestion> offices) {
    }

    private final TargetExtractor targets = new TargetExtractor();
    private final DeadlineExtractor deadlines = new DeadlineExtractor();
    private final OfficeMentionMatcher offices;

    Suggestions(List<KnownOffice> knownOffices) {
        this.offices = new OfficeMentionMatcher(knownOffices);
    }

    Found in(String text) {
        return new Found(targets.extract(text), deadlines.extract(text), offices.match(text));
    }

    /** The suggestions of a node's text and, for a row of a task table, of its columns. */
    Found in(String text, TaskAssignment assignment) {
        var found = in(text);
        if (assignment == null) {
            return found;
        }
        var officeSuggestions = new ArrayList<OfficeSuggestion>();
        var lead = offices.matchCell(assignment.leadOffice(), OfficeRole.LEAD);
        if (lead.isEmpty() && !assignment.leadOffice().isEmpty()) {
            officeSuggestions.add(new OfficeSuggestion(null, assignment.leadOffice(), OfficeRole.LEAD,
                    assignment.leadOffice(), assignment.leadOffice()));
        }
        officeSuggestions.addAll(lead);
        offices.matchCell(assignment.responsible(), OfficeRole.COOPERATING).stream()
                .filter(s -> officeSuggestions.stream().noneMatch(o -> o.office().equals(s.office())))
                .forEach(officeSuggestions::add);
        found.offices().stream()
                .filter(s -> officeSuggestions.stream().noneMatch(o -> o.office().equals(s.office())))
                .forEach(officeSuggestions::add);

        var deadlineSuggestions = new ArrayList<>(deadlines.extract(assignment.deadline()));
        if (deadlineSuggestions.isEmpty() && !assignment.deadline().isEmpty()) {
            deadlineSuggestions.add(new DeadlineSuggestion(null, null, null, null, null, assignment.deadline(), assignment.deadline()));
        }
        deadlineSuggestions.addAll(found.deadlines());
        return new Found(found.targets(), deadlineSuggestions, officeSuggestions);
    }
}
