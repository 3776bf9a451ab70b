/**
 * Reports drafted from the data: for a published or closed plan the general office (办公室) drafts the
 * monthly and quarterly progress reports (月报, 季报), the mid-year summary with the plan for the second half
 * (上半年工作总结和下半年工作思路) and the year-end summary (年度工作总结) from the approved progress reports, and the
 * upward report on an upper-level document (贯彻落实上级工作要点情况报告) from the plan's links to its points; edits
 * the stored text paragraph by paragraph, regenerates it on request and locks it (定稿); Word and PDF in the official
 * format. {@link cn.workplan.summary.Summaries} writes, {@link cn.workplan.summary.SummaryQueries} reads,
 * {@link cn.workplan.summary.SummaryPolicy} says who may do what.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Drafted reports")
package cn.workplan.summary;
