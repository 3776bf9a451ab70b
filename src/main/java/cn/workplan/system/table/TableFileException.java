package cn.workplan.system.table;

import cn.workplan.system.UnreadableFileException;

/** An uploaded table cannot be read at all: empty, too large, of the wrong type, damaged, or without its columns. */
public class TableFileException extends UnreadableFileException {

    public TableFileException(String code, Object... arguments) {
        super(code, arguments);
    }

    public TableFileException(String code, Throwable cause) {
        super(code, cause);
    }
}
