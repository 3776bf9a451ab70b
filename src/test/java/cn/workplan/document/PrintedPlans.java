package cn.workplan.document;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

import cn.workplan.document.GeneratedPlans.Node;
import cn.workplan.document.GeneratedPlans.Plan;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.Numbering;

/**
 * Prints a generated plan as text the way real plans reach the import, and damages it the way copies do: every mark
 * style (一、 一． （一） (一) 1. 1、 1． 1 （1） (1) 1） ①, full- and half-width, with and without a space), the first
 * item of a section without its number, headings run into the end of the paragraph before, hard line breaks at the
 * width of a page, page numbers and running headers, Traditional characters, the GBK slip on marks, pinyin after
 * characters, web-page residue.
 */
final class PrintedPlans {

    /** A kind of damage, or of print. */
    enum Damage {
        /** the official shape, marks of one style a level, nothing damaged */
        CLEAN,
        /** marks of every style, mixed within a document; first items without their number; full-width digits */
        STYLES,
        /** many items opening with a date, a decimal, a year, a percentage */
        NUMBERS,
        /** headings and items run into the end of the paragraph before */
        RUN_IN,
        /** lines broken at the width of a page or an e-mail */
        HARD_WRAP,
        /** page numbers and running headers between the lines */
        PAGES,
        /** hard wraps with page numbers and headers inside paragraphs: a PDF copy */
        PDF,
        /** Traditional characters */
        TRADITIONAL,
        /** marks read one byte off (GBK) */
        GBK_SLIP,
        /** pinyin in brackets after characters */
        PINYIN,
        /** publication lines, navigation and footers of a web page */
        RESIDUE,
        /** several of the above at once */
        MIXED
    }

    /** The text as printed, and whether it is in Traditional characters. */
    record Printed(String text, boolean traditional) {
    }

    private enum Role {
        TITLE, PREAMBLE, CHAPTER, SECTION, ITEM, POINT, BODY, RESIDUE, CLOSING
    }

    private static final class Line {
        String text;
        final Role role;

        Line(String text, Role role) {
            this.text = text;
            this.role = role;
        }
    }

    private static final String[] CHAPTER_MARKS = {"%s、", "%s、", "%s．", "%s.", "%s 、", "%s、 ", "%s "};
    private static final String[] SECTION_MARKS = {"（%s）", "（%s）", "(%s)", "（%s）、", "( %s )", "（%s） "};
    private static final String[] ITEM_MARKS = {"%s.", "%s、", "%s．", "%s ", "%s. ", "%s、 ", "FULL%s．"};
    private static final String[] POINT_MARKS = {"（%s）", "(%s)", "%s）", "CIRCLED"};
    private static final Map<Character, String> PINYIN = Map.ofEntries(Map.entry('划', "huà"), Map.entry('率', "lǜ"),
            Map.entry('衡', "héng"), Map.entry('固', "gù"), Map.entry('督', "dū"), Map.entry('助', "zhù"),
            Map.entry('校', "xiào"), Map.entry('供', "gōng"), Map.entry('强', "qiáng"), Map.entry('重', "zhòng"),
            Map.entry('育', "yù"), Map.entry('调', "tiáo"), Map.entry('创', "chuàng"), Map.entry('模', "mó"),
            Map.entry('辍', "chuò"), Map.entry('资', "zī"), Map.entry('曲', "qǔ"), Map.entry('载', "zài"));
    private static final String[] RESIDUE_TOP = {"时间：2022-01-08 06:09:00", "发布时间：2023-03-02", "来源：县教育局",
        "浏览次数：1024", "【字体：大 中 小】", "当前位置：首页 > 政务公开 > 工作计划", "分享到："};
    private static final String[] RESIDUE_BOTTOM = {"打印本页 关闭窗口", "上一篇：关于做好春季开学工作的通知",
        "下一篇：全县教育系统安全工作会议召开", "版权所有：县教育局", "主办：县人民政府办公室", "免责声明：本站部分信息来源于网络",
        "预览阅读已结束，若您需要全文请下载"};
    private static final Charset GBK = Charset.forName("GBK");

    private final Random random;
    private final Set<Damage> damages;

    PrintedPlans(Random random, Damage damage) {
        this.random = random;
        this.damages = damage == Damage.MIXED ? mixed(random) : EnumSet.of(damage);
    }

    private static Set<Damage> mixed(Random random) {
        var set = EnumSet.of(Damage.STYLES, Damage.NUMBERS);
        for (var damage : List.of(Damage.RUN_IN, Damage.PDF, Damage.PINYIN, Damage.GBK_SLIP, Damage.RESIDUE, Damage.TRADITIONAL)) {
            if (random.nextInt(3) > 0 || damage == Damage.PDF) {
                set.add(damage);
            }
        }
        return set;
    }

    boolean has(Damage damage) {
        return damages.contains(damage);
    }

    Printed print(Plan plan) {
        var lines = lines(plan);
        if (has(Damage.TRADITIONAL)) {
            // the document was written in Traditional characters; whatever damaged it came after
            lines.forEach(line -> line.text = ZhConverterUtil.toTraditional(line.text));
        }
        if (has(Damage.PINYIN)) {
            pinyin(lines);
        }
        if (has(Damage.GBK_SLIP)) {
            gbkSlip(lines);
        }
        if (has(Damage.RUN_IN)) {
            runIn(lines);
        }
        List<String> texts = new ArrayList<>();
        String indent = has(Damage.CLEAN) ? "" : pick(new String[] {"", "", "　　", "  "});
        for (var line : lines) {
            texts.add((line.role == Role.TITLE || line.role == Role.RESIDUE ? "" : indent) + line.text);
        }
        if (has(Damage.HARD_WRAP) || has(Damage.PDF)) {
            texts = wrap(texts);
        }
        if (has(Damage.PAGES) || has(Damage.PDF)) {
            texts = pages(texts, plan);
        }
        boolean blankLines = !has(Damage.HARD_WRAP) && !has(Damage.PDF) && random.nextInt(3) == 0;
        var text = String.join(blankLines ? "\n\n" : "\n", texts) + "\n";
        return new Printed(text, has(Damage.TRADITIONAL));
    }

    private List<Line> lines(Plan plan) {
        var lines = new ArrayList<Line>();
        if (has(Damage.RESIDUE)) {
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                lines.add(new Line(pick(RESIDUE_TOP), Role.RESIDUE));
            }
        }
        if (plan.title() != null) {
            lines.add(new Line(plan.title(), Role.TITLE));
        }
        plan.preamble().forEach(paragraph -> lines.add(new Line(paragraph, Role.PREAMBLE)));
        var styles = new Styles(has(Damage.STYLES));
        boolean unnumberedFirst = has(Damage.STYLES) && plan.numbering() == Numbering.PER_SECTION && random.nextInt(3) == 0;
        for (var chapter : plan.nodes()) {
            node(chapter, styles, unnumberedFirst, false, lines);
        }
        if (random.nextInt(3) == 0 && !plan.excerpt()) {
            lines.add(new Line(plan.owner(), Role.CLOSING));
            lines.add(new Line(plan.year() - 1 + "年12月" + (1 + random.nextInt(28)) + "日", Role.CLOSING));
        }
        if (has(Damage.RESIDUE)) {
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                lines.add(new Line(pick(RESIDUE_BOTTOM), Role.RESIDUE));
            }
        }
        return lines;
    }

    private void node(Node node, Styles styles, boolean unnumberedFirst, boolean firstInContainer, List<Line> lines) {
        switch (node.kind) {
            case CHAPTER, SECTION -> {
                var role = node.kind == NodeKind.CHAPTER ? Role.CHAPTER : Role.SECTION;
                lines.add(new Line(styles.mark(node) + node.headline, role));
                node.paragraphs.forEach(paragraph -> lines.add(new Line(paragraph, Role.BODY)));
                boolean first = true;
                for (var child : node.children) {
                    boolean canOmit = unnumberedFirst && first && child.kind == NodeKind.ITEM
                            && node.children.stream().filter(c -> c.kind == NodeKind.ITEM).count() >= 2
                            && !child.opensWithNumber;
                    node(child, styles, unnumberedFirst, canOmit, lines);
                    first = false;
                }
            }
            case ITEM, POINT -> {
                var mark = firstInContainer ? "" : styles.mark(node);
                var first = node.paragraphs.isEmpty() ? "" : node.paragraphs.get(0);
                lines.add(new Line(mark + node.headline + "。" + first, node.kind == NodeKind.ITEM ? Role.ITEM : Role.POINT));
                node.paragraphs.stream().skip(1).forEach(paragraph -> lines.add(new Line(paragraph, Role.BODY)));
                if (!node.inlinePoints) {
                    node.children.forEach(child -> node(child, styles, unnumberedFirst, false, lines));
                }
            }
        }
    }

    /** The marks of a document: one style a level, or (mixed) any style for any node. */
    private final class Styles {
        private final boolean mixed;
        private final String chapter = pick(new String[] {"%s、"});
        private final String section;
        private final String item;
        private final String point;

        Styles(boolean mixed) {
            this.mixed = mixed;
            this.section = mixed ? pick(SECTION_MARKS) : "（%s）";
            this.item = mixed ? pick(ITEM_MARKS) : pick(new String[] {"%s.", "%s、", "%s．"});
            this.point = mixed ? pick(POINT_MARKS) : "（%s）";
        }

        String mark(Node node) {
            var style = switch (node.kind) {
                case CHAPTER -> mixed && random.nextInt(4) == 0 ? pick(CHAPTER_MARKS) : chapter;
                case SECTION -> mixed && random.nextInt(4) == 0 ? pick(SECTION_MARKS) : section;
                case ITEM -> mixed && random.nextInt(4) == 0 ? pick(ITEM_MARKS) : item;
                case POINT -> mixed && random.nextInt(4) == 0 ? pick(POINT_MARKS) : point;
            };
            if (style.equals("CIRCLED")) {
                return String.valueOf((char) (0x2460 + Integer.parseInt(node.number) - 1));
            }
            if (style.startsWith("FULL")) {
                return String.format(style.substring(4), fullWidth(node.number));
            }
            return String.format(style, node.number);
        }
    }

    private static String fullWidth(String number) {
        var out = new StringBuilder();
        for (char c : number.toCharArray()) {
            out.append(c >= '0' && c <= '9' ? (char) (c + 0xFEE0) : c);
        }
        return out.toString();
    }

    /** Pinyin after some of the characters a reader may stumble on: 规划(huà). */
    private void pinyin(List<Line> lines) {
        for (var line : lines) {
            if (line.role == Role.RESIDUE || line.role == Role.TITLE || random.nextInt(3) > 0) {
                continue;
            }
            var out = new StringBuilder();
            var text = line.text;
            boolean done = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                out.append(c);
                var sound = PINYIN.get(c);
                if (sound != null && !done && i > 2) {
                    out.append(random.nextBoolean() ? "(" + sound + ")" : "（" + sound + "）");
                    done = random.nextBoolean();
                }
            }
            line.text = out.toString();
        }
    }

    /**
     * Marks read one byte off: the line with its indent stored as GBK, its first byte lost (or a stray byte before
     * it), read back until a one-byte character brings the reading in step.
     */
    private void gbkSlip(List<Line> lines) {
        var decoder = GBK.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        for (var line : lines) {
            boolean mark = line.role == Role.CHAPTER || line.role == Role.SECTION || line.role == Role.ITEM || line.role == Role.POINT;
            if (!mark || random.nextInt(4) > 0) {
                continue;
            }
            var indent = random.nextBoolean() ? "　　" : "";
            var bytes = (indent + line.text).getBytes(GBK);
            byte[] slipped;
            if (random.nextInt(10) < 7) {
                slipped = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
            } else {
                slipped = new byte[bytes.length + 1];
                slipped[0] = (byte) (0xA1 + random.nextInt(0xFE - 0xA1 + 1));
                System.arraycopy(bytes, 0, slipped, 1, bytes.length);
            }
            try {
                line.text = decoder.decode(ByteBuffer.wrap(slipped)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Headings and items run into the end of the paragraph before them: the line break was lost. */
    private void runIn(List<Line> lines) {
        for (int i = lines.size() - 1; i > 0; i--) {
            var line = lines.get(i);
            var before = lines.get(i - 1);
            boolean mark = line.role == Role.CHAPTER || line.role == Role.SECTION || line.role == Role.ITEM;
            boolean afterSentence = !before.text.isEmpty() && "。！？".indexOf(before.text.charAt(before.text.length() - 1)) >= 0
                    && before.role != Role.TITLE && before.role != Role.RESIDUE;
            if (mark && afterSentence && random.nextInt(10) < 3 && !line.text.isEmpty()
                    && !Character.isWhitespace(line.text.charAt(0)) && line.text.charAt(0) != '　') {
                before.text = before.text + line.text;
                lines.remove(i);
            }
        }
    }

    /** Every line broken at the width of the page: two columns a Chinese character, a line never opening with a stop. */
    private List<String> wrap(List<String> texts) {
        int width = pick(new int[] {56, 56, 58, 60, 72, 80});
        var out = new ArrayList<String>();
        for (var text : texts) {
            var line = new StringBuilder();
            int columns = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                int w = c < 0x1100 ? 1 : 2;
                if (columns + w > width && "，。、；：？！）”》".indexOf(c) < 0) {
                    out.add(line.toString());
                    line.setLength(0);
                    columns = 0;
                }
                line.append(c);
                columns += w;
            }
            out.add(line.toString());
        }
        return out;
    }

    /** A page number, and now and then a running header, every 20 or so lines. */
    private List<String> pages(List<String> texts, Plan plan) {
        var out = new ArrayList<String>();
        int page = 1;
        int every = 16 + random.nextInt(12);
        var numberStyle = pick(new String[] {"— %d —", "- %d -", "第%d页", "%d", "·%d·", "第 %d 页 共 %d 页"});
        var header = random.nextBoolean() ? pick(new String[] {plan.owner() + "文件", "内部资料 注意保存", plan.owner() + "工作简报"}) : null;
        for (int i = 0; i < texts.size(); i++) {
            out.add(texts.get(i));
            if ((i + 1) % every == 0 && i + 1 < texts.size()) {
                var number = String.format(numberStyle, page, texts.size() / every + 1);
                page++;
                out.add(number);
                if (header != null) {
                    out.add(header);
                }
            }
        }
        return out;
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private int pick(int[] options) {
        return options[random.nextInt(options.length)];
    }
}
