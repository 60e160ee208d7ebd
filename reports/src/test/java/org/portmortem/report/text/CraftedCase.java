package org.portmortem.report.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import org.portmortem.hive.Hive;
import org.portmortem.hive.MemoryHive;
import org.portmortem.report.Fixtures;

/**
 * A case folder built by a test: the Windows XP reference system's SYSTEM hive, changed by the test
 * and written as a binary regf file, beside its SOFTWARE export.
 */
final class CraftedCase {
    private CraftedCase() {}

    /** Writes {@code folder/SYSTEM} (regf, edited by {@code editSystem}) and {@code folder/SOFTWARE.reg}. */
    static Path write(Path folder, Consumer<MemoryHive> editSystem) throws IOException {
        Files.createDirectories(folder);
        Path xp = Fixtures.folder("winxp-default");
        try (Hive text = Hive.open(xp.resolve("SYSTEM.reg"))) {
            MemoryHive h = MemoryHive.copyOf(text);
            editSystem.accept(h);
            org.portmortem.hive.write.HiveWriter.write(
                    h, folder.resolve("SYSTEM"), Instant.parse("2011-05-02T08:30:00Z"));
        }
        Files.copy(xp.resolve("SOFTWARE.reg"), folder.resolve("SOFTWARE.reg"));
        return folder;
    }
}
