package cn.workplan.summary;

/** The parts a drafted report is made of. Headings are numbered from their position when shown: 一、 and （一）. */
public enum BlockKind {
    /** A heading of the first level: 一、. */
    HEADING,
    /** A heading of the second level, numbered anew under each heading: （一）. */
    SUBHEADING,
    PARAGRAPH,
    /** A table with a header row. */
    TABLE
}
