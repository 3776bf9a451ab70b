package cn.workplan.document.parsing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.workplan.document.DiscardReason;

/**
 * Recognises what a web page adds around a plan when the text is copied: publication lines, page
 * navigation, site footers, disclaimers and the teasers of document-sharing sites. Looks only at short
 * lines, so a task item that happens to say 版权 or 来源 is never taken for residue.
 */
public final class ResidueDetector {

    /** Residue is short; a line longer than this is prose. */
    private static final int LONGEST = 120;

    private static final Pattern BULLET = Pattern.compile("^[-–—•·*>→\\s]+");

    private record Rule(DiscardReason reason, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            rule(DiscardReason.PUBLICATION_INFO,
                    "^(发布|更新|发表|录入|上传)?(时间|日期)[：:]\\s*\\d{4}[-/.年]\\d{1,2}",
                    "^(来源|信息来源|文章来源|稿件来源|作者|撰稿|编辑|责任编辑|审核|发布者|发布人|供稿|摄影)[：:]",
                    "(浏览|阅读|点击|访问)(次数|量|数)[：:]?\\s*\\d*", "^字号[：:]?\\s*[\\[【]?\\s*大", "[【\\[]?字体[：:]\\s*大\\s*中\\s*小",
                    "^分享到[：:]?"),
            rule(DiscardReason.PAGE_NAVIGATION,
                    "打印本页|打印此页|打印本文|[【\\[]打印[】\\]]|关闭窗口|关闭本页|[【\\[]关闭[】\\]]|返回顶部|返回首页|收藏本页|加入收藏",
                    "^(上一篇|下一篇|上一条|下一条|上一页|下一页|相关链接|相关阅读|相关文章|相关新闻)[：:]?",
                    "^(当前位置|您的位置|您现在的位置)[：:]"),
            rule(DiscardReason.SITE_FOOTER,
                    "^(主办|承办|协办|主管|技术支持|网站标识码|联系我们|联系电话|地址)[：:]",
                    "ICP备|ICP证|公网安备|版权所有|Copyright|\\(c\\)\\s*\\d{4}|©|网站地图|网站声明"),
            rule(DiscardReason.DISCLAIMER,
                    "免责声明|转载.*(注明|出处|不代表)|本(站|网|文)(内容)?.*(不承担|仅供|不代表)|仅供参考|侵权.*删除|如有侵权"),
            rule(DiscardReason.SITE_PROMOTION,
                    "预览(阅读)?已结束|(下载|查看|阅读)全文|需要全文|代笔|联系老师|[Vv][Ii][Pp]|付费|扫码|二维码|关注(我们|公众号)",
                    "[\\x{1F300}-\\x{1FAFF}]"));

    private static Rule rule(DiscardReason reason, String... patterns) {
        return new Rule(reason, Pattern.compile(String.join("|", patterns), Pattern.CASE_INSENSITIVE));
    }

    public Optional<DiscardReason> detect(String line) {
        if (line == null || line.isBlank() || line.length() > LONGEST) {
            return Optional.empty();
        }
        var text = BULLET.matcher(line).replaceFirst("");
        for (var rule : RULES) {
            if (rule.pattern().matcher(text).find()) {
                return Optional.of(rule.reason());
            }
        }
        return Optional.empty();
    }
}
