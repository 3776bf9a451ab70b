package cn.workplan.document;

import cn.workplan.system.UnreadableFileException;

/**
 * An uploaded document cannot be read at all: empty, too large, of the wrong type, binary, damaged,
 * password-protected, a zip bomb, or a task table without the columns it needs.
 */
public class DocumentImportException extends UnreadableFileException {

    public DocumentImportException(String code, Object... arguments) {
        super(code, arguments);
    }

    public DocumentImportException(String code, Throwable cause) {
        super(code, cause);
    }
}
