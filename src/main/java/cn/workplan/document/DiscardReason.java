package cn.workplan.document;

/** Why a line of the source is not part of the plan. */
public enum DiscardReason {
    /** 时间:2022-01-08 06:09:00, 来源:…, 浏览次数:… */
    PUBLICATION_INFO,
    /** 打印本页, 关闭窗口, 上一篇, 下一篇, 返回顶部 */
    PAGE_NAVIGATION,
    /** 主办:…, 承办:…, 版权所有, ICP备… */
    SITE_FOOTER,
    /** 免责声明, 转载请注明出处, 如有侵权请联系删除 */
    DISCLAIMER,
    /** a document-sharing site's teaser: 预览阅读已结束, 点击下载全文, 联系老师 */
    SITE_PROMOTION,
    /** the plan's title printed again (as web pages do above the text) */
    DUPLICATE_TITLE,
    /** the date printed under the text (落款日期); it becomes the issue date when the header has none */
    CLOSING_DATE,
    /** the issuing body printed under the text (落款单位) */
    SIGNATURE,
    /** a chapter heading that only introduced the quarterly schedule, which the plan keeps apart */
    SCHEDULE_HEADING,
    /** a page number of a printed copy: — 3 —, 第3页 共12页 */
    PAGE_NUMBER,
    /** a line every page of a printed copy repeats: 青山县教育局文件 */
    RUNNING_HEADER;

    public String messageKey() {
        return "document.import.discard." + name();
    }
}
