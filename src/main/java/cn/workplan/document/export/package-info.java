/**
 * Documents out: the plan as a GB/T 9704 Word file, the task table as a workbook, the plan as a PDF; and the pieces
 * other modules write their own official documents with — {@link cn.workplan.document.export.OfficialDocx} (the
 * Word layout), {@link cn.workplan.document.export.HtmlPdf} (XHTML laid out as a PDF with an embedded Chinese font)
 * and {@link cn.workplan.document.export.FileNames}.
 */
@org.springframework.modulith.NamedInterface("export")
package cn.workplan.document.export;
