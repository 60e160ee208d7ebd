package org.portmortem.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeverityScaleTest {

    @Test
    void bundledScaleExplainsEverySeverityMostSevereFirst() {
        SeverityScale scale = SeverityScale.bundled();
        assertThat(scale.levels()).extracting(SeverityScale.Level::severity).containsExactly(Severity.values());
        assertThat(scale.levels()).allSatisfy(l -> assertThat(l.meaning()).isNotBlank());
        assertThat(scale.source()).contains("seed paper");
    }

    @Test
    void firewallBlockDropsOneLevelAndInfoStaysInfo() {
        assertThat(Severity.HIGH.lower()).isEqualTo(Severity.MEDIUM);
        assertThat(Severity.LOW.lower()).isEqualTo(Severity.INFO);
        assertThat(Severity.INFO.lower()).isEqualTo(Severity.INFO);
        assertThat(Severity.HIGH.isAtLeast(Severity.MEDIUM)).isTrue();
        assertThat(Severity.LOW.isAtLeast(Severity.MEDIUM)).isFalse();
    }
}
