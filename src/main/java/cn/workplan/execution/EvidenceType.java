package cn.workplan.execution;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of evidence file accepted: photos, PDF, Word and Excel. A file is known by its extension and
 * must start with the bytes of that kind, so that a renamed program or web page is refused; it is served
 * with the content type named here, never with the one its uploader claimed.
 */
enum EvidenceType {
    JPEG("image/jpeg", bytes(0xFF, 0xD8, 0xFF), "jpg", "jpeg"),
    PNG("image/png", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A), "png"),
    GIF("image/gif", bytes('G', 'I', 'F', '8'), "gif"),
    WEBP("image/webp", bytes('R', 'I', 'F', 'F'), "webp"),
    HEIC("image/heic", null, "heic", "heif"),
    PDF("application/pdf", bytes('%', 'P', 'D', 'F', '-'), "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes('P', 'K', 3, 4), "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes('P', 'K', 3, 4), "xlsx"),
    DOC("application/msword", bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), "doc"),
    XLS("application/vnd.ms-excel", bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), "xls");

    /** What the file chooser offers. */
    static final String ACCEPT = ".jpg,.jpeg,.png,.gif,.webp,.heic,.heif,.pdf,.doc,.docx,.xls,.xlsx,image/*";

    private final String contentType;
    private final byte[] magic;
    private final String[] extensions;

    EvidenceType(String contentType, byte[] magic, String... extensions) {
        this.contentType = contentType;
        this.magic = magic;
        this.extensions = extensions;
    }

    String contentType() {
        return contentType;
    }

    boolean isImage() {
        return contentType.startsWith("image/");
    }

    /** The kind of the file, when its name and its first bytes agree on one we accept. */
    static Optional<EvidenceType> of(String fileName, byte[] content) {
        var name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        var extension = name.substring(name.lastIndexOf('.') + 1);
        return Arrays.stream(values())
                .filter(type -> Arrays.asList(type.extensions).contains(extension))
                .filter(type -> type.matches(content))
                .findFirst();
    }

    private boolean matches(byte[] content) {
        if (this == HEIC) {
            return content.length >= 12 && content[4] == 'f' && content[5] == 't' && content[6] == 'y' && content[7] == 'p';
        }
        if (content.length < magic.length || this == WEBP && !webp(content)) {
            return false;
        }
        return Arrays.equals(Arrays.copyOf(content, magic.length), magic);
    }

    private static boolean webp(byte[] content) {
        return content.length >= 12 && content[8] == 'W' && content[9] == 'E' && content[10] == 'B' && content[11] == 'P';
    }

    private static byte[] bytes(int... values) {
        var bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
