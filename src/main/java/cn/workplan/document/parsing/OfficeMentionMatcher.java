package cn.workplan.document.parsing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.workplan.document.KnownOffice;
import cn.workplan.document.OfficeSuggestion;
import cn.workplan.document.OfficeSuggestion.OfficeRole;

/**
 * Finds where the text names one of the bureau's offices, by name or short name (the longest name
 * wins), and what the clause says the office does: 牵头 makes it the lead, 配合/协助/参与 a cooperating
 * office; 负责 makes it the lead unless the sentence names a lead already. One suggestion per office,
 * with its strongest role.
 */
public final class OfficeMentionMatcher {

    private static final Pattern LEAD = Pattern.compile("牵头");
    private static final Pattern COOPERATING = Pattern.compile("配合|协助|协同|参与|协办");
    private static final Pattern RESPONSIBLE = Pattern.compile("负责|主抓|主责|抓好");

    private record Name(String text, KnownOffice office) {
    }

    private final List<Name> names;

    public OfficeMentionMatcher(List<KnownOffice> offices) {
        var all = new ArrayList<Name>();
        for (var office : offices) {
            all.add(new Name(office.name(), office));
            office.shortNames().stream().filter(name -> name != null && name.length() >= 2)
                    .forEach(name -> all.add(new Name(name, office)));
        }
        all.sort(Comparator.comparingInt((Name name) -> name.text().length()).reversed());
        this.names = List.copyOf(all);
    }

    public List<OfficeSuggestion> match(String text) {
        if (names.isEmpty() || text == null || text.isEmpty()) {
            return List.of();
        }
        var byOffice = new LinkedHashMap<KnownOffice, OfficeSuggestion>();
        for (var sentence : Sentences.sentences(text)) {
            boolean sentenceNamesALead = LEAD.matcher(sentence.text()).find();
            var clauses = Sentences.clauses(sentence.text());
            var taken = new BitSet();
            var mentions = new ArrayList<Map.Entry<Integer, Name>>();
            for (var name : names) {
                for (int at = sentence.text().indexOf(name.text()); at >= 0; at = sentence.text().indexOf(name.text(), at + 1)) {
                    if (taken.get(at, at + name.text().length()).isEmpty()) {
                        taken.set(at, at + name.text().length());
                        mentions.add(Map.entry(at, name));
                    }
                }
            }
            mentions.sort(Map.Entry.comparingByKey());
            for (var mention : mentions) {
                var clause = clauseAt(clauses, mention.getKey());
                var role = role(clause, sentenceNamesALead);
                var office = mention.getValue().office();
                var suggestion = new OfficeSuggestion(office.id(), office.name(), role, mention.getValue().text(),
                        sentence.text().strip());
                byOffice.merge(office, suggestion, (old, now) -> now.role().ordinal() < old.role().ordinal() ? now : old);
            }
        }
        return List.copyOf(byOffice.values());
    }

    /** The suggestions for a task table's cell: each office the cell names, in the given role. */
    public List<OfficeSuggestion> matchCell(String cell, OfficeRole role) {
        return match(cell).stream()
                .map(s -> new OfficeSuggestion(s.officeId(), s.office(), role, s.mention(), cell))
                .toList();
    }

    private static String clauseAt(List<Sentences.Piece> clauses, int at) {
        for (var clause : clauses) {
            if (at >= clause.start() && at < clause.start() + clause.text().length()) {
                return clause.text();
            }
        }
        return "";
    }

    private static OfficeRole role(String clause, boolean sentenceNamesALead) {
        if (LEAD.matcher(clause).find()) {
            return OfficeRole.LEAD;
        }
        if (COOPERATING.matcher(clause).find()) {
            return OfficeRole.COOPERATING;
        }
        if (RESPONSIBLE.matcher(clause).find()) {
            return sentenceNamesALead ? OfficeRole.COOPERATING : OfficeRole.LEAD;
        }
        return OfficeRole.MENTIONED;
    }
}
