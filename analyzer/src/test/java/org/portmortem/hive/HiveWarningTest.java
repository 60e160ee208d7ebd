package org.portmortem.hive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link HiveWarning}: how a warning reads, and that the same warning is kept once. */
class HiveWarningTest {
    @Test
    void aWarningNamesItsOffsetInHexOrItsLine() {
        assertThat(HiveWarning.atOffset(0x1f20, "bad cell")).hasToString("offset 0x1f20: bad cell");
        assertThat(HiveWarning.atLine(12, "unreadable line")).hasToString("line 12: unreadable line");
        assertThat(HiveWarning.general("dirty hive")).hasToString("dirty hive");
    }

    @Test
    void theSameWarningTwiceIsKeptOnceAndAnyDifferenceKeepsBoth() {
        Set<HiveWarning> seen = new LinkedHashSet<>();
        seen.add(HiveWarning.atOffset(4096, "hive bin header missing"));
        seen.add(HiveWarning.atOffset(4096, "hive bin header missing"));
        seen.add(HiveWarning.atOffset(8192, "hive bin header missing"));
        seen.add(HiveWarning.atLine(3, "hive bin header missing"));
        seen.add(HiveWarning.atOffset(4096, "another message"));
        seen.add(new HiveWarning(-1, 0, null));
        seen.add(new HiveWarning(-1, 0, null));
        assertThat(seen).hasSize(5);
    }
}
