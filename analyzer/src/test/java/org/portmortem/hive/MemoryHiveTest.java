package org.portmortem.hive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MemoryHiveTest {
    @Test
    void keysAreFoundCaseInsensitivelyAndPathsOmitTheRootName() {
        MemoryHive h = MemoryHive.empty("SYSTEM", "ROOT");
        h.createKey("ControlSet001\\Services\\Tcpip").putValue("Start", 4, new byte[] {1, 0, 0, 0});
        Key k = h.key("controlset001\\SERVICES\\tcpip").orElseThrow();
        assertThat(k.path()).isEqualTo("ControlSet001\\Services\\Tcpip");
        assertThat(k.value("START").orElseThrow().asInt()).isEqualTo(1);
        assertThat(h.key("")).contains(h.root());
        assertThat(h.key("ControlSet002")).isEmpty();
    }

    @Test
    void subkeysAreSortedByUpperCasedNameAsInAHive() {
        MemoryHive h = MemoryHive.empty("S", "ROOT");
        h.createKey("b");
        h.createKey("A");
        h.createKey("_x");
        h.createKey("c");
        assertThat(h.root().subkeys()).extracting(Key::name).containsExactly("A", "b", "c", "_x");
    }

    @Test
    void copyKeepsValuesTimesAndClassNames() {
        MemoryHive h = MemoryHive.empty("S", "ROOT");
        MemoryHive.MemoryKey k = h.createKey("A\\B");
        k.setLastWritten(Instant.parse("2002-09-02T10:00:00Z"));
        k.setClassName("cls");
        k.putValue("", 1, new byte[] {'x', 0});
        MemoryHive copy = MemoryHive.copyOf(h);
        Key c = copy.key("a\\b").orElseThrow();
        assertThat(c.lastWritten()).contains(Instant.parse("2002-09-02T10:00:00Z"));
        assertThat(c.className()).contains("cls");
        assertThat(c.value("").orElseThrow().asString()).isEqualTo("x");
        assertThat(copy.deleteKey("A")).isTrue();
        assertThat(copy.key("A\\B")).isEmpty();
        assertThat(h.key("A\\B")).isPresent();
    }

    @Test
    void aKeyTwentyThousandLevelsDeepGivesEveryLevelItsPathAndItsValuesTheirKeyPath() {
        MemoryHive h = MemoryHive.empty("SYSTEM", "SYSTEM");
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            path.append(i == 0 ? "" : "\\").append("k").append(i);
        }
        MemoryHive.MemoryKey leaf = h.createKey(path.toString());
        leaf.putValue("Name", 1, "x\0".getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        assertThat(leaf.path()).isEqualTo(path.toString());
        assertThat(leaf.value("Name").get().keyPath()).isEqualTo(path.toString());
        assertThat(h.key("k0\\k1\\k2").get().path()).isEqualTo("k0\\k1\\k2");
        assertThat(h.root().path()).isEmpty();
    }
}
