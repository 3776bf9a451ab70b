package cn.workplan.document;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import cn.workplan.document.parsing.DocxReader;
import cn.workplan.document.parsing.PlanParser;
import cn.workplan.document.parsing.SourceLine;
import cn.workplan.document.parsing.TaskTableReader;
import cn.workplan.document.parsing.TextReader;

/**
 * Reads existing plans: pasted text, or an uploaded {@code .txt} (UTF-8 or GB18030), {@code .docx} or
 * {@code .xlsx} task table. The result is an outline with suggestions for a person to check; nothing
 * is saved here. Stateless and thread-safe.
 */
@Component
public class PlanImporter {

    /** Reads pasted text. */
    public ImportResult importText(String text, ImportOptions options) throws DocumentImportException {
        return parse(TextReader.read(text), options);
    }

    /** Reads an uploaded file, its type told by its name. */
    public ImportResult importFile(String fileName, byte[] content, ImportOptions options) throws DocumentImportException {
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
        return parse(lines, options);
    }

    private static ImportResult parse(List<SourceLine> lines, ImportOptions options) throws DocumentImportException {
        return new PlanParser(options == null ? ImportOptions.defaults() : options).parse(lines);
    }
}
