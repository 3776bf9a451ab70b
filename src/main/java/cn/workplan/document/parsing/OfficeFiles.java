package cn.workplan.document.parsing;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import cn.workplan.document.DocumentImportException;

/**
 * The checks every Office upload goes through before POI opens it: not empty, not too large, a zip
 * (not an old .doc/.xls, and not a password-protected file, which Office wraps in an OLE2 container),
 * and POI's guards against zip bombs in force.
 */
final class OfficeFiles {

    static {
        // an expanded entry may be at most 100 times its compressed size and 50 MB in all (as TableReader)
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(50L * 1024 * 1024);
    }

    private OfficeFiles() {
    }

    static void check(byte[] content, long maxBytes) throws DocumentImportException {
        if (content == null || content.length == 0) {
            throw new DocumentImportException("document.import.error.empty");
        }
        if (content.length > maxBytes) {
            throw new DocumentImportException("document.import.error.tooLarge", maxBytes / 1024 / 1024);
        }
        if (FileMagic.valueOf(content) == FileMagic.OLE2) {
            throw new DocumentImportException(isEncrypted(content) ? "document.import.error.encrypted" : "document.import.error.oldFormat");
        }
        if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
            throw new DocumentImportException("document.import.error.unreadable");
        }
    }

    private static boolean isEncrypted(byte[] content) {
        try (var fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            return fs.getRoot().hasEntry(Decryptor.DEFAULT_POIFS_ENTRY);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
