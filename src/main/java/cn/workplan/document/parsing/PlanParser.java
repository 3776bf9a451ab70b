package cn.workplan.document.parsing;

import java.util.List;

import cn.workplan.document.DocumentImportException;
import cn.workplan.document.ImportOptions;
import cn.workplan.document.ImportResult;
import cn.workplan.document.ReadingNote;

/**
 * Reads the lines of a document into plans: normalises every line, tells what each is, builds the
 * outline and assembles the result with its suggestions.
 */
public final class PlanParser {

    private final LineNormalizer normalizer;
    private final LineClassifier classifier = new LineClassifier();
    private final Suggestions suggestions;

    public PlanParser(ImportOptions options) {
        this.normalizer = new LineNormalizer(options.toSimplified());
        this.suggestions = new Suggestions(options.offices());
    }

    /** The plans in the lines; refuses lines that hold no text once stray spaces are gone. */
    public ImportResult parse(List<SourceLine> lines) throws DocumentImportException {
        var repaired = lines.stream().map(PlanParser::repair).toList();
        var furniture = PageFurniture.find(repaired);
        var joined = HardWraps.join(repaired, furniture.keySet());
        var normalized = joined.stream()
                .map(line -> line.withText(normalizer.normalize(line.text()))
                        .withRow(line.row() == null ? null : line.row().map(normalizer::normalize)))
                .toList();
        if (normalized.stream().allMatch(line -> line.text().isEmpty())) {
            throw new DocumentImportException("document.import.error.empty");
        }
        var classified = SequenceReader.read(normalized.stream()
                .map(line -> furniture.containsKey(line.number()) ? LineClassifier.residue(line, furniture.get(line.number()))
                        : classifier.classify(line))
                .toList());
        var outline = new OutlineBuilder().build(classified);
        var assembler = new PlanAssembler(suggestions);
        return new ImportResult(outline.plans().stream().map(assembler::assemble).toList(), outline.discarded());
    }

    /** The line with a GBK slip at its beginning put right and pinyin annotations removed, each with a note. */
    private static SourceLine repair(SourceLine line) {
        if (line.row() != null || line.text().isBlank()) {
            return line;
        }
        var repaired = line;
        var slip = EncodingSlip.repair(line.text());
        if (slip.isPresent()) {
            var kind = slip.get().partial() ? ReadingNote.Kind.ENCODING_PARTLY_REPAIRED : ReadingNote.Kind.ENCODING_REPAIRED;
            repaired = repaired.withText(slip.get().text())
                    .withNote(ReadingNote.of(kind, line.number(), slip.get().run(), slip.get().repaired()));
        } else if (EncodingSlip.looksGarbled(leadingRun(line.text()))) {
            repaired = repaired.withNote(ReadingNote.of(ReadingNote.Kind.ENCODING_DAMAGED, line.number(), leadingRun(line.text())));
        }
        var pinyin = PinyinAnnotations.strip(repaired.text());
        if (!pinyin.removed().isEmpty()) {
            repaired = repaired.withText(pinyin.text())
                    .withNote(ReadingNote.of(ReadingNote.Kind.PINYIN_REMOVED, line.number(), String.join("、", pinyin.removed())));
        }
        return repaired;
    }

    /** The characters at the beginning of a line up to the first one-byte character. */
    private static String leadingRun(String text) {
        var stripped = text.strip();
        int end = 0;
        while (end < stripped.length() && stripped.charAt(end) >= 0x80) {
            end++;
        }
        return stripped.substring(0, end);
    }
}
