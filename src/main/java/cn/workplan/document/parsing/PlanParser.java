package cn.workplan.document.parsing;

import java.util.List;

import cn.workplan.document.DocumentImportException;
import cn.workplan.document.ImportOptions;
import cn.workplan.document.ImportResult;

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
        var normalized = lines.stream()
                .map(line -> line.withText(normalizer.normalize(line.text()))
                        .withRow(line.row() == null ? null : line.row().map(normalizer::normalize)))
                .toList();
        if (normalized.stream().allMatch(line -> line.text().isEmpty())) {
            throw new DocumentImportException("document.import.error.empty");
        }
        var classified = SequenceReader.read(normalized.stream().map(classifier::classify).toList());
        var outline = new OutlineBuilder().build(classified);
        var assembler = new PlanAssembler(suggestions);
        return new ImportResult(outline.plans().stream().map(assembler::assemble).toList(), outline.discarded());
    }
}
