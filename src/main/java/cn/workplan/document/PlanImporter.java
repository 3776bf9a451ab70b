package cn.workplan.document;

import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import cn.workplan.document.parsing.DocxReader;
import cn.workplan.document.parsing.PlanParser;
import cn.workplan.document.parsing.SourceLine;
import cn.workplan.document.parsing.TaskTableReader;
import cn.workplan.document.parsing.TextReader;
import cn.workplan.system.table.ImportSlots;

/**
 * Reads existing plans: pasted text, or an uploaded {@code .txt} (UTF-8 or GB18030), {@code .docx} or
 * {@code .xlsx} task table. The result is an outline with suggestions for a person to check; nothing
 * is saved here. Thread-safe; at most as many documents are read at once as {@link ImportSlots} allow.
 */
@Component
public class PlanImporter {

    private final ImportSlots slots;

    /** Reads as many documents at once as asked: for tests and tools outside the application. */
    public PlanImporter() {
        this(ImportSlots.unbounded());
    }

    /** Reads at most as many documents at once as the slots allow; others are refused as busy. */
    @Autowired
    public PlanImporter(ImportSlots slots) {
        this.slots = slots;
    }

    /** Reads pasted text. */
    public ImportResult importText(String text, ImportOptions options) throws DocumentImportException {
        return readText(text, options).result();
    }

    /** Reads an uploaded file, its type told by its name. */
    public ImportResult importFile(String fileName, byte[] content, ImportOptions options) throws DocumentImportException {
        return readFile(fileName, content, options).result();
    }

    /** Reads pasted text, keeping its lines for a preview. */
    public ReadDocument readText(String text, ImportOptions options) throws DocumentImportException {
        return slots.read(() -> {
            var lines = TextReader.read(text);
            return new ReadDocument(parse(lines, options), texts(lines));
        }, PlanImporter::busy);
    }

    /** Reads an uploaded file, its type told by its name, keeping its lines for a preview. */
    public ReadDocument readFile(String fileName, byte[] content, ImportOptions options) throws DocumentImportException {
        return slots.read(() -> {
            var lines = lines(fileName, content);
            return new ReadDocument(parse(lines, options), texts(lines));
        }, PlanImporter::busy);
    }

    private static DocumentImportException busy() {
        return new DocumentImportException("document.import.error.busy");
    }

    private static List<SourceLine> lines(String fileName, byte[] content) throws DocumentImportException {
        var name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        List<SourceLine> lines;
        if (name.endsWith(".txt")) {
            lines = TextReader.read(content);
        } else if (name.endsWith(".docx")) {
            lines = DocxReader.read(content);
        } else if (name.endsWith(".xlsx")) {
            lines = TaskTableReader.read(content);
        } else if (name.endsWith(".doc") || name.endsWith(".xls")) {
            throw new DocumentImportException("document.import.error.oldFormat");
        } else {
            throw new DocumentImportException("document.import.error.type");
        }
        return lines;
    }

    /** The text of every line as read, line {@code n} at index {@code n - 1}. */
    private static List<String> texts(List<SourceLine> lines) {
        int count = lines.stream().mapToInt(SourceLine::number).max().orElse(0);
        var texts = new java.util.ArrayList<String>(java.util.Collections.nCopies(count, ""));
        lines.forEach(line -> texts.set(line.number() - 1, line.text()));
        return texts;
    }

    private static ImportResult parse(List<SourceLine> lines, ImportOptions options) throws DocumentImportException {
        return new PlanParser(options == null ? ImportOptions.defaults() : options).parse(lines);
    }
}
