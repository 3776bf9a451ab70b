package cn.workplan.document.export;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the PDF export.
 *
 * @param fonts font files with Chinese glyphs ({@code .ttf}, {@code .otf} or a {@code .ttc} collection), tried
 *              in order; the first one that exists and reads is embedded in every PDF. The defaults are
 *              Debian's WenQuanYi Micro Hei and Zen Hei ({@code fonts-wqy-microhei}, {@code fonts-wqy-zenhei}),
 *              Noto Sans CJK ({@code fonts-noto-cjk}) and Windows' SimSun.
 * @param fontLookupInterval while no font is found, how often a PDF download looks for one again, so that a font
 *              installed while the application runs is used without a restart
 */
@ConfigurationProperties("workplan.pdf")
public record PdfProperties(@DefaultValue({
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "C:/Windows/Fonts/simsun.ttc"}) List<String> fonts,
        @DefaultValue("10s") Duration fontLookupInterval) {
}
