package cn.workplan.document.parsing;

/** What a line of a plan is, judged by itself. */
public enum LineKind {
    BLANK,
    /** web-page residue */
    RESIDUE,
    /** a line of the header block: 索引号, 发布机构, 标题 … */
    HEADER,
    /** 济教〔2018〕1号 on a line of its own */
    DOCUMENT_NUMBER,
    /** a date on a line of its own */
    DATE,
    /** a plan's title: 济源市教育局2018年工作要点 */
    TITLE,
    /** 第一篇, 第一部分, 第一章 */
    PART,
    /** 一、 */
    CHAPTER,
    /** （一） or (一) */
    SECTION,
    /** 1. 1、 1． or 1 followed by a space */
    ITEM,
    /** （1） (1) 1） ① */
    POINT,
    /** a period of the quarterly schedule: 1-3月份： or 第一季度： */
    SCHEDULE,
    PARAGRAPH
}
