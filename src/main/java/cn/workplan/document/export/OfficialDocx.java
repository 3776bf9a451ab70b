package cn.workplan.document.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * A Word document ({@code .docx}) in the format of official documents, GB/T 9704-2012, built with Apache POI: the
 * pieces the plan export ({@link PlanDocxWriter}), supervision notices and drafted summaries share. A4 with margins
 * 3.7 / 3.5 / 2.8 / 2.6 cm and a grid of 22 lines of 28 characters; every paragraph on exactly 28 pt lines; the
 * title in 22 pt 方正小标宋简体, the text in 16 pt 仿宋_GB2312 with a first-line indent of two characters, 一、
 * headings in 黑体, （一） headings in 楷体_GB2312; page numbers "— 1 —" in 14 pt 宋体 on the outer edge (odd pages
 * right, even pages left). Fonts are named, not embedded; the font table names the usual ones to fall back on
 * (仿宋_GB2312 → 仿宋 …). Only POI's schema types are used, which keep OOXML's element order; the font table is the
 * one part written as text.
 * <p>
 * One instance writes one document: add paragraphs in order, then {@link #write(boolean)}.
 */
public final class OfficialDocx implements AutoCloseable {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static final String TITLE_FONT = "方正小标宋简体";
    public static final String BODY_FONT = "仿宋_GB2312";
    /** 一、 headings; also the labels of forms. */
    public static final String HEADING1_FONT = "黑体";
    /** （一） headings. */
    public static final String HEADING2_FONT = "楷体_GB2312";
    static final String PAGE_NUMBER_FONT = "宋体";

    /** Half-points: 22 pt (二号), 16 pt (三号), 14 pt (四号). */
    public static final int TITLE_SIZE = 44;
    public static final int BODY_SIZE = 32;
    /** Tables and forms: 14 pt (四号). */
    public static final int TABLE_SIZE = 28;
    static final int PAGE_NUMBER_SIZE = 28;

    /** Twips (1/20 pt): a line of the text is 28 pt. */
    static final int LINE = 28 * 20;
    /** Two characters of 16 pt. */
    static final int FIRST_LINE_INDENT = 2 * 16 * 20;

    /** A4 and its margins, in twips (1 cm = 567 twips). */
    static final int PAGE_WIDTH = 11906;
    static final int PAGE_HEIGHT = 16838;
    static final int MARGIN_TOP = 2098;
    static final int MARGIN_BOTTOM = 1984;
    static final int MARGIN_LEFT = 1588;
    static final int MARGIN_RIGHT = 1474;
    static final int HEADER_DISTANCE = 851;
    /** The page number's line stands about 7 mm under the text. */
    static final int FOOTER_DISTANCE = 1247;
    /** The grid: the text's height over 22 lines; 28 characters on its width, 16 pt each less a little. */
    static final int LINE_PITCH = 579;
    static final int CHAR_SPACE = -849;

    private static final String EM_DASH = "—";

    /** Each font the document names and the one to use where it is missing. */
    private static final List<String[]> FONT_FALLBACKS = List.of(
            new String[] {TITLE_FONT, "宋体"},
            new String[] {BODY_FONT, "仿宋"},
            new String[] {HEADING2_FONT, "楷体"},
            new String[] {HEADING1_FONT, "SimHei"},
            new String[] {PAGE_NUMBER_FONT, "SimSun"},
            new String[] {"仿宋", "FangSong"},
            new String[] {"楷体", "KaiTi"});

    private final XWPFDocument document;

    /** A new document with the defaults (仿宋_GB2312, 16 pt), the styles Title, heading 1 and 2, and the font table. */
    public OfficialDocx() {
        document = new XWPFDocument();
        try {
            styles();
            fontTable();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 2018年2月5日: Arabic numerals, no zeros in front. */
    public static String date(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** A headline as a sentence: closed with 。 when it is not closed yet. */
    public static String sentence(String headline) {
        var text = headline == null ? "" : headline.strip();
        return text.isEmpty() || text.endsWith("。") || text.endsWith("！") || text.endsWith("？") ? text : text + "。";
    }

    /** The lines of a text, stripped, without empty ones. */
    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\n")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** A line centred above the title: the document number (文号), followed by a blank line. */
    public void documentNumber(String number) {
        text(paragraph(ParagraphAlignment.CENTER, false), number.strip(), BODY_FONT, BODY_SIZE, false);
        blank();
    }

    /** The title, centred, in the style Title, followed by a blank line. */
    public void title(String title) {
        var paragraph = paragraph(ParagraphAlignment.CENTER, false);
        paragraph.setStyle("Title");
        text(paragraph, title, TITLE_FONT, TITLE_SIZE, false);
        blank();
    }

    /** A heading of level 1 (一、, 黑体) or 2 (（一）, 楷体_GB2312), its number part of the text; indented like the text. */
    public void heading(int level, String text) {
        var heading = paragraph(ParagraphAlignment.BOTH, true);
        heading.setStyle(level == 1 ? "Heading1" : "Heading2");
        text(heading, text, level == 1 ? HEADING1_FONT : HEADING2_FONT, BODY_SIZE, false);
    }

    /** A paragraph of the text (仿宋_GB2312, 16 pt, indented two characters, justified). */
    public XWPFParagraph body(String text) {
        var paragraph = paragraph(ParagraphAlignment.BOTH, true);
        text(paragraph, text, BODY_FONT, BODY_SIZE, false);
        return paragraph;
    }

    /** Each line of the text as a paragraph of the text. */
    public void bodies(String text) {
        lines(text).forEach(this::body);
    }

    /** A line under the text, right-aligned four characters in from the right edge ("右空四字"): the date, the signature. */
    public void closing(String text) {
        var paragraph = paragraph(ParagraphAlignment.RIGHT, false);
        paragraph.setIndentationRightChars(400);
        paragraph.setIndentationRight(4 * 16 * 20);
        text(paragraph, text, BODY_FONT, BODY_SIZE, false);
    }

    public void blank() {
        paragraph(ParagraphAlignment.LEFT, false);
    }

    /** A paragraph on the 28 pt lines, with or without the first-line indent of two characters. */
    public XWPFParagraph paragraph(ParagraphAlignment alignment, boolean indent) {
        var paragraph = document.createParagraph();
        lineSpacing(paragraph.getCTP());
        paragraph.setAlignment(alignment);
        if (indent) {
            var ind = pPr(paragraph.getCTP()).addNewInd();
            ind.setFirstLineChars(BigInteger.valueOf(200));
            ind.setFirstLine(BigInteger.valueOf(FIRST_LINE_INDENT));
        }
        return paragraph;
    }

    /** A table over the width of the text. */
    public XWPFTable table(int rows, int columns) {
        var table = document.createTable(rows, columns);
        table.setWidthType(TableWidthType.PCT);
        table.setWidth("100%");
        return table;
    }

    /** Fills a table cell: one paragraph per line of the value, on 28 pt lines, vertically centred. */
    public static void cell(XWPFTableCell cell, String value, String font, int halfPoints, boolean bold) {
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        var lines = (value == null ? "" : value).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            var paragraph = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
            lineSpacing(paragraph.getCTP());
            text(paragraph, lines[i], font, halfPoints, bold);
        }
    }

    /** A run of text in the font (for Chinese and Latin text alike) and size. */
    public static XWPFRun text(XWPFParagraph paragraph, String text, String font, int halfPoints, boolean bold) {
        var run = run(paragraph, font, halfPoints, bold);
        run.setText(text);
        return run;
    }

    /**
     * Sets A4, the margins and the grid, adds the page numbers when asked, and returns the file's bytes. The
     * document is closed afterwards.
     */
    public byte[] write(boolean pageNumbers) {
        page();
        if (pageNumbers) {
            footers();
        }
        try (var out = new ByteArrayOutputStream()) {
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void lineSpacing(CTP p) {
        var spacing = pPr(p).addNewSpacing();
        spacing.setBefore(BigInteger.ZERO);
        spacing.setAfter(BigInteger.ZERO);
        spacing.setLine(BigInteger.valueOf(LINE));
        spacing.setLineRule(STLineSpacingRule.EXACT);
    }

    private static CTPPr pPr(CTP p) {
        return p.isSetPPr() ? p.getPPr() : p.addNewPPr();
    }

    private static XWPFRun run(XWPFParagraph paragraph, String font, int halfPoints, boolean bold) {
        var run = paragraph.createRun();
        font(run.getCTR().addNewRPr(), font, halfPoints, bold);
        return run;
    }

    private static void font(CTRPr rPr, String font, int halfPoints, boolean bold) {
        CTFonts fonts = rPr.sizeOfRFontsArray() > 0 ? rPr.getRFontsArray(0) : rPr.addNewRFonts();
        fonts.setAscii(font);
        fonts.setHAnsi(font);
        fonts.setEastAsia(font);
        fonts.setCs(font);
        if (bold) {
            rPr.addNewB();
        }
        rPr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        rPr.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
    }

    /**
     * The defaults (仿宋_GB2312, 16 pt) and the styles a reader finds the outline by: Title, and the headings with
     * their outline levels for Word's navigation pane.
     */
    private void styles() {
        var styles = document.createStyles();
        var defaults = styles.getCtStyles().isSetDocDefaults() ? styles.getCtStyles().getDocDefaults()
                : styles.getCtStyles().addNewDocDefaults();
        var rPr = defaults.addNewRPrDefault().addNewRPr();
        font(rPr, BODY_FONT, BODY_SIZE, false);
        rPr.addNewLang().setEastAsia("zh-CN");
        styles.addStyle(new XWPFStyle(style("Normal", "Normal", null, null), styles));
        styles.addStyle(new XWPFStyle(style("Title", "Title", "Normal", null), styles));
        styles.addStyle(new XWPFStyle(style("Heading1", "heading 1", "Normal", 0), styles));
        styles.addStyle(new XWPFStyle(style("Heading2", "heading 2", "Normal", 1), styles));
    }

    private static CTStyle style(String id, String name, String basedOn, Integer outlineLevel) {
        var style = CTStyle.Factory.newInstance();
        style.setType(STStyleType.PARAGRAPH);
        style.setStyleId(id);
        style.addNewName().setVal(name);
        if (basedOn == null) {
            style.setDefault(true);
        } else {
            style.addNewBasedOn().setVal(basedOn);
            style.addNewNext().setVal("Normal");
        }
        style.addNewQFormat();
        if (outlineLevel != null) {
            style.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(outlineLevel));
        }
        return style;
    }

    /** The font table: the fonts by name, each with the font to use where it is not installed. */
    private void fontTable() throws InvalidFormatException, IOException {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
        for (var font : FONT_FALLBACKS) {
            xml.append("<w:font w:name=\"").append(font[0]).append("\"><w:altName w:val=\"").append(font[1])
                    .append("\"/><w:charset w:val=\"86\"/><w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>");
        }
        xml.append("</w:fonts>");
        var pkg = document.getPackage();
        var name = PackagingURIHelper.createPartName("/word/fontTable.xml");
        var part = pkg.createPart(name, "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml");
        try (var out = part.getOutputStream()) {
            out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
        }
        document.getPackagePart().addRelationship(name, TargetMode.INTERNAL,
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable");
    }

    /** A4 portrait, the margins, and the grid of 22 lines × 28 characters. */
    private void page() {
        var body = document.getDocument().getBody();
        var section = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
        var size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        var margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        margins.setHeader(BigInteger.valueOf(HEADER_DISTANCE));
        margins.setFooter(BigInteger.valueOf(FOOTER_DISTANCE));
        margins.setGutter(BigInteger.ZERO);
        var grid = section.isSetDocGrid() ? section.getDocGrid() : section.addNewDocGrid();
        grid.setType(STDocGrid.LINES_AND_CHARS);
        grid.setLinePitch(BigInteger.valueOf(LINE_PITCH));
        grid.setCharSpace(BigInteger.valueOf(CHAR_SPACE));
    }

    /** "— 1 —" on the outer edge, one character in: right on odd pages, left on even ones. */
    private void footers() {
        document.setEvenAndOddHeadings(true);
        pageNumber(document.createFooter(HeaderFooterType.DEFAULT).createParagraph(), ParagraphAlignment.RIGHT);
        pageNumber(document.createFooter(HeaderFooterType.EVEN).createParagraph(), ParagraphAlignment.LEFT);
    }

    private static void pageNumber(XWPFParagraph paragraph, ParagraphAlignment edge) {
        paragraph.setAlignment(edge);
        if (edge == ParagraphAlignment.RIGHT) {
            paragraph.setIndentationRightChars(100);
            paragraph.setIndentationRight(PAGE_NUMBER_SIZE * 10);
        } else {
            paragraph.setIndentationLeftChars(100);
            paragraph.setIndentationLeft(PAGE_NUMBER_SIZE * 10);
        }
        text(paragraph, EM_DASH + " ", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE, false);
        field(paragraph, STFldCharType.BEGIN);
        var instrText = run(paragraph, PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE, false).getCTR().addNewInstrText();
        instrText.setStringValue(" PAGE ");
        instrText.setSpace(SpaceAttribute.Space.PRESERVE);
        field(paragraph, STFldCharType.SEPARATE);
        text(paragraph, "1", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE, false);
        field(paragraph, STFldCharType.END);
        text(paragraph, " " + EM_DASH, PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE, false);
    }

    private static void field(XWPFParagraph paragraph, STFldCharType.Enum type) {
        run(paragraph, PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE, false).getCTR().addNewFldChar().setFldCharType(type);
    }
}
