package cn.workplan.document.export;

/**
 * A plan written out as a file, ready to download.
 *
 * @param name        the file's name, from the plan's title: 2026年教育工作要点.docx
 * @param contentType its media type
 * @param content     its bytes
 */
public record ExportedFile(String name, String contentType, byte[] content) {
}
