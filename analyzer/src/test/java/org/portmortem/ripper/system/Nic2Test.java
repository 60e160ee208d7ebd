package org.portmortem.ripper.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How nic2 and ips decode a DhcpNetworkHint (and a per-network subkey name) to an SSID. */
class Nic2Test {
    @Test
    void networkHintDecodesLowNibbleFirstAsRegRipperDoes() {
        // DhcpNetworkHint of regipy/SYSTEM_B, which regripper -p nic2 prints as "Net 2.4"
        assertThat(Nic2.ssid("E456470223E243")).isEqualTo("Net 2.4");
    }

    @Test
    void anOddOrNonHexHintDecodesWithoutFailing() {
        assertThat(Nic2.ssid("E4Z")).hasSize(2);
    }

    @Test
    void nonHexCharactersDecodeAsPerlsPackDoes() {
        // perl -e 'print unpack("H*", pack("h*", "E4Zg-1"))' prints 4e031d
        assertThat(Nic2.ssid("E4Zg-1")).isEqualTo("\u004e\u0003\u001d");
    }
}
