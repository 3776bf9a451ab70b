package cn.workplan.document.parsing;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

/**
 * Traditional to Simplified Chinese with opencc4j, whose phrase and character dictionaries ship inside
 * its jar (no download at run time). The dictionaries load on first use, which takes about a second.
 */
public final class ChineseScript {

    private ChineseScript() {
    }

    public static String toSimplified(String text) {
        return text == null || text.isEmpty() ? text : ZhConverterUtil.toSimple(text);
    }
}
