package org.portmortem.hive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.portmortem.hive.internal.text.RegTextFile;

/** Recognises a hive file's format from its first bytes and hands it to the matching reader. */
final class HiveFormats {
    private HiveFormats() {}

    static Hive open(Path path, byte[] head, int n, HiveOpenOptions options) throws IOException {
        if (n == 0) {
            throw new HiveFormatException(path, "empty file, not a registry hive");
        }
        if (startsWith(head, n, "regf")) {
            return org.portmortem.hive.internal.regf.RegfHive.open(path, options);
        }
        if (startsWith(head, n, "CREG")) {
            throw new HiveFormatException(path, 0, "Windows 9x/Me registry file (CREG), not a Windows NT regf hive");
        }
        if (looksLikeRegText(head, n)) {
            return RegTextFile.read(path).toHive();
        }
        throw new HiveFormatException(path, 0, "not a registry hive (no regf signature) nor a .reg export");
    }

    static boolean startsWith(byte[] head, int n, String ascii) {
        byte[] s = ascii.getBytes(StandardCharsets.US_ASCII);
        if (n < s.length) {
            return false;
        }
        for (int i = 0; i < s.length; i++) {
            if (head[i] != s[i]) {
                return false;
            }
        }
        return true;
    }

    /** A .reg export starts, after an optional BOM, with REGEDIT4 or "Windows Registry Editor". */
    static boolean looksLikeRegText(byte[] head, int n) {
        String text;
        if (n >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe) {
            text = new String(head, 2, n - 2, StandardCharsets.UTF_16LE);
        } else if (n >= 2 && (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff) {
            text = new String(head, 2, n - 2, StandardCharsets.UTF_16BE);
        } else if (n >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            text = new String(head, 3, n - 3, StandardCharsets.UTF_8);
        } else {
            text = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        }
        text = text.stripLeading();
        return text.startsWith("REGEDIT4") || text.startsWith("Windows Registry Editor");
    }
}
