package cn.workplan.document.export;

/** File names made from titles people typed. */
public final class FileNames {

    private FileNames() {
    }

    /** The title without the characters Windows refuses in file names and without control characters. */
    public static String safe(String title) {
        var cleaned = title == null ? "" : title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "").strip();
        return cleaned.isEmpty() ? "plan" : cleaned;
    }
}
