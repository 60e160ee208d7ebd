package org.portmortem.hive.internal.regf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The value names of a key are kept for the last few keys looked in only: a service holds its key
 * for as long as the model lives, so names kept with each key grew with the hive (a hive of 101,645
 * services ran out of a 256 MB heap that way, bench/README.md).
 */
class ValueNamesTest {
    @Test
    void aKeysNamesFindTheFirstOfAnyCase() {
        ValueNames n = new ValueNames(new String[] {"Start", "START", "Type"}, new long[] {10, 20, 30});
        assertThat(n.find("start")).isEqualTo(10);
        assertThat(n.find("TYPE")).isEqualTo(30);
        assertThat(n.find("ImagePath")).isEqualTo(-1);
    }

    @Test
    void onlyTheLastKeysLookedInAreKept() {
        ValueNames.Recent recent = new ValueNames.Recent();
        ValueNames[] kept = new ValueNames[ValueNames.Recent.SIZE + 1];
        for (int k = 0; k < kept.length; k++) {
            kept[k] = new ValueNames(new String[] {"V" + k}, new long[] {k});
            recent.remember(1000 + k, kept[k]);
        }
        assertThat(recent.of(1000)).as("the oldest, replaced").isNull();
        for (int k = 1; k < kept.length; k++) {
            assertThat(recent.of(1000 + k)).isSameAs(kept[k]);
        }
        assertThat(recent.of(5)).isNull();
    }
}
