package cn.workplan.notification;

/**
 * One entry of a daily digest (每日待办): what waits, in Chinese (the digest is written in Chinese, like e-mails), and
 * the application path where it is done.
 *
 * @param text the entry as the digest lists it ("审核城关镇第一小学报送的2026年6月进度（推进学前教育）")
 * @param link the application path to open ({@code /reports}), or {@code null}
 */
public record DigestItem(String text, String link) {

    public DigestItem {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a digest entry needs a text");
        }
        if (link != null && (!link.startsWith("/") || link.startsWith("//"))) {
            throw new IllegalArgumentException("a digest entry's link is a path of this application: " + link);
        }
    }
}
