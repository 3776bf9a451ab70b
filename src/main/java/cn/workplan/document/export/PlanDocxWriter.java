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
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
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
import org.springframework.stereotype.Component;

import cn.workplan.account.CurrentUser;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.Outline;
import cn.workplan.plan.OutlineNode;
import cn.workplan.plan.PlanHeader;
import cn.workplan.plan.PlanQueries;

/**
 * Writes a plan as Word document ({@code .docx}) in the format of official documents, GB/T 9704-2012:
 * A4 with margins 3.7 / 3.5 / 2.8 / 2.6 cm, a grid of 22 lines of 28 characters, fixed 28 pt lines; the
 * title in 22 pt 方正小标宋简体, centred; the text in 16 pt 仿宋_GB2312 with a first-line indent of two
 * characters, 一、 headings in 黑体, （一） headings in 楷体_GB2312; page numbers "— 1 —" in 14 pt 宋体 on the
 * outer edge (odd pages right, even pages left). Above the title the document number, under the text the
 * issue date. The fonts are named, not embedded; the font table names the usual fonts to fall back on
 * (仿宋_GB2312 → 仿宋 …). A task item reads as it does in the document view: its number and headline as a
 * bold lead sentence, then its body in the same paragraph.
 * <p>
 * The file reads back through the importer as the same outline: every paragraph starts with its
 * printed number, the title has the style Title, and a headline always ends its sentence with 。.
 */
@Component
public class PlanDocxWriter {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String CHAPTER_FONT = "黑体";
    static final String SECTION_FONT = "楷体_GB2312";
    static final String PAGE_NUMBER_FONT = "宋体";

    /** Half-points: 22 pt (二号), 16 pt (三号), 14 pt (四号). */
    static final int TITLE_SIZE = 44;
    static final int BODY_SIZE = 32;
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
            new String[] {SECTION_FONT, "楷体"},
            new String[] {CHAPTER_FONT, "SimHei"},
            new String[] {PAGE_NUMBER_FONT, "SimSun"},
            new String[] {"仿宋", "FangSong"},
            new String[] {"楷体", "KaiTi"});

    private final PlanQueries queries;

    public PlanDocxWriter(PlanQueries queries) {
        this.queries = queries;
    }

    /** The plan as the person may read it; fails as {@link PlanQueries#outline} does when they may not. */
    public ExportedFile write(long planId, CurrentUser user) {
        var outline = queries.outline(planId, user);
        return new ExportedFile(FileNames.safe(outline.plan().title()) + ".docx", CONTENT_TYPE, write(outline));
    }

    static byte[] write(Outline outline) {
        try (var document = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            new Writing(document).write(outline);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 2018年2月5日: Arabic numerals, no zeros in front. */
    static String date(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** The lead sentence of an item or sub-point: its headline, closed with 。 when it is not closed yet. */
    static String sentence(String headline) {
        var text = headline == null ? "" : headline.strip();
        return text.isEmpty() || text.endsWith("。") || text.endsWith("！") || text.endsWith("？") ? text : text + "。";
    }

    /** Writing one document. */
    private static final class Writing {

        private final XWPFDocument document;

        Writing(XWPFDocument document) {
            this.document = document;
        }

        void write(Outline outline) throws InvalidFormatException, IOException {
            styles();
            fontTable();
            var plan = outline.plan();
            head(plan);
            paragraphs(plan.preamble());
            for (var node : outline.nodes()) {
                node(node);
            }
            if (plan.issueDate() != null) {
                blank();
                var date = paragraph(ParagraphAlignment.RIGHT, false);
                date.setIndentationRightChars(400);
                date.setIndentationRight(4 * 16 * 20);
                text(date, date(plan.issueDate()), BODY_FONT, BODY_SIZE, false);
            }
            page();
            footers();
        }

        private void head(PlanHeader plan) {
            if (plan.documentNumber() != null && !plan.documentNumber().isBlank()) {
                text(paragraph(ParagraphAlignment.CENTER, false), plan.documentNumber().strip(), BODY_FONT, BODY_SIZE, false);
                blank();
            }
            var title = paragraph(ParagraphAlignment.CENTER, false);
            title.setStyle("Title");
            text(title, plan.title(), TITLE_FONT, TITLE_SIZE, false);
            blank();
        }

        private void node(OutlineNode node) {
            var body = lines(node.body());
            switch (node.kind()) {
                case CHAPTER, SECTION -> {
                    var heading = paragraph(ParagraphAlignment.BOTH, true);
                    heading.setStyle(node.kind() == NodeKind.CHAPTER ? "Heading1" : "Heading2");
                    text(heading, node.label() + node.headline(), node.kind() == NodeKind.CHAPTER ? CHAPTER_FONT : SECTION_FONT,
                            BODY_SIZE, false);
                    body.forEach(line -> text(paragraph(ParagraphAlignment.BOTH, true), line, BODY_FONT, BODY_SIZE, false));
                }
                case ITEM, POINT -> {
                    var paragraph = paragraph(ParagraphAlignment.BOTH, true);
                    text(paragraph, node.label() + sentence(node.headline()), BODY_FONT, BODY_SIZE, node.kind() == NodeKind.ITEM);
                    if (!body.isEmpty()) {
                        text(paragraph, body.get(0), BODY_FONT, BODY_SIZE, false);
                    }
                    body.stream().skip(1).forEach(line -> text(paragraph(ParagraphAlignment.BOTH, true), line, BODY_FONT, BODY_SIZE, false));
                }
            }
        }

        private void paragraphs(String text) {
            lines(text).forEach(line -> text(paragraph(ParagraphAlignment.BOTH, true), line, BODY_FONT, BODY_SIZE, false));
        }

        private static List<String> lines(String text) {
            return text == null ? List.of() : Arrays.stream(text.split("\n")).map(String::strip).filter(line -> !line.isEmpty()).toList();
        }

        private void blank() {
            paragraph(ParagraphAlignment.LEFT, false);
        }

        /** A paragraph on the 28 pt lines, with or without the first-line indent of two characters. */
        private XWPFParagraph paragraph(ParagraphAlignment alignment, boolean indent) {
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

        private static void text(XWPFParagraph paragraph, String text, String font, int halfPoints, boolean bold) {
            run(paragraph, font, halfPoints, bold).setText(text);
        }

        private static XWPFRun run(XWPFParagraph paragraph, String font, int halfPoints, boolean bold) {
            var run = paragraph.createRun();
            font(run.getCTR().addNewRPr(), font, halfPoints, bold);
            return run;
        }

        /** The font for Chinese and for Latin text alike, and its size. */
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
         * The defaults (仿宋_GB2312, 16 pt) and the styles a reader finds the outline by: Title, and the headings
         * with their outline levels for Word's navigation pane.
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
}
