package org.portmortem.hive.internal.regf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveWarning;

/** The base block's root cell must be the hive's root key; a crafted offset to an ordinary key is said. */
class RootCellTest {
    @TempDir
    Path dir;

    /** The cell offset (relative to the hive bins) of the key node named {@code name}. */
    private static int keyNodeCell(byte[] hive, String name) {
        byte[] needle = name.getBytes(StandardCharsets.ISO_8859_1);
        for (int at = CraftedLogs.BASE; at + 0x4C + needle.length <= hive.length; at++) {
            if (hive[at] == 'n' && hive[at + 1] == 'k' && regionEquals(hive, at + 0x4C, needle)) {
                return at - 4 - CraftedLogs.BASE;
            }
        }
        throw new AssertionError("no key node " + name);
    }

    private static boolean regionEquals(byte[] b, int at, byte[] needle) {
        for (int i = 0; i < needle.length; i++) {
            if (b[at + i] != needle[i]) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aRootCellPointingAtAnOrdinaryKeyGivesAWarningAndTheTreeFromThere() throws IOException {
        byte[] b = CraftedLogs.hive("x");
        CraftedLogs.putInt(b, 36, keyNodeCell(b, "Test"));
        CraftedLogs.sealBaseBlock(b, 0);
        try (Hive hive = Hive.open(Files.write(dir.resolve("crafted"), b))) {
            assertThat(hive.root().values()).extracting(v -> v.name()).containsExactly("State");
            assertThat(hive.warnings())
                    .extracting(HiveWarning::message)
                    .singleElement()
                    .asString()
                    .contains("root cell")
                    .contains("\"Test\"")
                    .contains("ordinary key");
        }
    }

    @Test
    void aRootWithoutTheRootFlagButWithoutAParentIsReadSilentlyAsOffregWritesIt() throws IOException {
        byte[] b = CraftedLogs.hive("x");
        int rootData = CraftedLogs.BASE + (int) HiveBytes.of(b).u32(36) + 4;
        b[rootData + 2] = 0x20; // KEY_COMP_NAME only: KEY_HIVE_ENTRY cleared
        b[rootData + 3] = 0;
        CraftedLogs.putInt(b, rootData + 16, -1);
        try (Hive hive = Hive.open(Files.write(dir.resolve("offreg-like"), b))) {
            assertThat(hive.key("Test")).isPresent();
            assertThat(hive.warnings()).isEmpty();
        }
    }
}
