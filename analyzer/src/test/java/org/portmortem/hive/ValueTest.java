package org.portmortem.hive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ValueTest {
    private static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    @Test
    void theConstructorCopiesTheCallersArrayWhileAHandedOverOneIsKeptAndEqual() {
        byte[] data = {1, 0, 0, 0};
        Value copied = new Value("K", "v", 4, data);
        Value handedOver = Value.handedOver(MemoryHive.empty("SYSTEM", "ROOT").createKey("K"), "v", 4, data.clone());
        data[0] = 9;
        assertThat(copied.asInt()).isEqualTo(1);
        assertThat(handedOver).isEqualTo(copied).hasSameHashCodeAs(copied);
        assertThat(handedOver.raw()).containsExactly(1, 0, 0, 0);
        // what raw() returns is a copy either way: changing it leaves the value as it was
        handedOver.raw()[0] = 7;
        assertThat(handedOver.asInt()).isEqualTo(1);
    }

    @Test
    void aHandedOverValueTakesItsKeyPathFromItsKeyAndNamesItInATypeMismatch() {
        Key key = MemoryHive.empty("SYSTEM", "ROOT").createKey("ControlSet001\\Services\\Tcpip");
        Value v = Value.handedOver(key, "Start", 1, utf16("x\0"));
        assertThat(v.keyPath()).isEqualTo("ControlSet001\\Services\\Tcpip");
        assertThatThrownBy(v::asInt)
                .isInstanceOf(ValueTypeException.class)
                .hasMessageStartingWith("ControlSet001\\Services\\Tcpip\\Start is REG_SZ");
    }

    @Test
    void stringStopsAtFirstNulAndIgnoresOddTrailingByte() {
        assertThat(new Value("K", "v", 1, utf16("abc\0junk")).asString()).isEqualTo("abc");
        byte[] odd = {'h', 0, 'i', 0, 'x'};
        assertThat(new Value("K", "v", 1, odd).asString()).isEqualTo("hi");
        assertThat(new Value("K", "v", 2, utf16("%SystemRoot%")).asString()).isEqualTo("%SystemRoot%");
    }

    @Test
    void multiStringEndsAtFirstEmptyStringWhateverTheTerminators() {
        assertThat(new Value("K", "m", 7, utf16("a\0b\0\0")).asStrings()).containsExactly("a", "b");
        assertThat(new Value("K", "m", 7, utf16("a\0b")).asStrings()).containsExactly("a", "b");
        assertThat(new Value("K", "m", 7, utf16("a\0\0\0b\0\0")).asStrings()).containsExactly("a");
        assertThat(new Value("K", "m", 7, new byte[0]).asStrings()).isEmpty();
    }

    @Test
    void dwordIsLittleEndianAndBigEndianDwordIsNot() {
        assertThat(new Value("K", "d", 4, new byte[] {1, 0, 0, 0}).asInt()).isEqualTo(1);
        assertThat(new Value("K", "d", 5, new byte[] {0, 0, 0, 1}).asInt()).isEqualTo(1);
        assertThat(new Value("K", "q", 11, new byte[] {1, 0, 0, 0, 0, 0, 0, 0x10}).asLong())
                .isEqualTo(0x1000000000000001L);
        assertThat(new Value("K", "d", 4, new byte[] {-1, -1, -1, -1}).asLong()).isEqualTo(0xffffffffL);
    }

    @Test
    void typeMismatchNamesKeyValueAndType() {
        Value v = new Value("ControlSet001\\Services\\Tcpip", "Start", 1, utf16("2"));
        assertThatThrownBy(v::asInt)
                .isInstanceOf(ValueTypeException.class)
                .hasMessage("ControlSet001\\Services\\Tcpip\\Start is REG_SZ with 2 bytes, not a 32-bit number");
        Value shortDword = new Value("K", "", 4, new byte[] {1, 0});
        assertThatThrownBy(shortDword::asInt).hasMessageContaining("(default) is REG_DWORD with 2 bytes");
        assertThat(new Value("K", "x", 0x80000001, new byte[0]).type()).isEqualTo(ValueType.UNKNOWN);
    }

    @Test
    void displayShowsNumbersInDecimalAndHex() {
        assertThat(new Value("K", "d", 4, new byte[] {2, 0, 0, 0}).display()).isEqualTo("2 (0x00000002)");
        assertThat(new Value("K", "d", 4, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}).display())
                .isEqualTo("4294967295 (0xffffffff)");
        assertThat(new Value("K", "d", 4, new byte[] {0x0d, (byte) 0xf0, (byte) 0xad, 0x0b}).display())
                .isEqualTo("195948557 (0x0badf00d)");
        assertThat(new Value("K", "d", 5, new byte[] {0, 0, 1, 0}).display()).isEqualTo("256 (0x00000100)");
        assertThat(new Value("K", "b", 3, new byte[] {(byte) 0xab, 1}).display())
                .isEqualTo("ab01");
        assertThat(new Value("K", "m", 7, utf16("ncacn_ip_tcp\0ncadg_ip_udp\0\0")).display())
                .isEqualTo("ncacn_ip_tcp | ncadg_ip_udp");
    }

    @Test
    void aStringKeepsItsTextAfterANulForDisplayWhileWindowsReadsUpToIt() {
        Value v = new Value("K", "ImagePath", 2, "C:\\a.exe\0hidden\0\0".getBytes(StandardCharsets.UTF_16LE));
        assertThat(v.asString()).isEqualTo("C:\\a.exe");
        assertThat(v.storedString()).isEqualTo("C:\\a.exe\0hidden");
        assertThat(v.display()).isEqualTo("C:\\a.exe\0hidden");
        assertThat(v.hasTextAfterNul()).isTrue();
        Value plain = new Value("K", "ImagePath", 2, "C:\\a.exe\0".getBytes(StandardCharsets.UTF_16LE));
        assertThat(plain.hasTextAfterNul()).isFalse();
        assertThat(plain.display()).isEqualTo("C:\\a.exe");
    }

    private static byte[] littleEndianLong(long v) {
        return java.nio.ByteBuffer.allocate(8)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putLong(v)
                .array();
    }

    @Test
    void filetimeCountsHundredNanosecondsSince1601Unsigned() {
        assertThat(new Value("K", "ShutdownTime", 3, littleEndianLong(132_223_104_000_000_000L)).asFiletime())
                .contains(java.time.Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(new Value("K", "t", 11, littleEndianLong(116_444_736_000_000_001L)).asFiletime())
                .contains(java.time.Instant.parse("1970-01-01T00:00:00.0000001Z"));
        // The top bit set is a date far in the future, not before 1601.
        assertThat(new Value("K", "t", 3, littleEndianLong(-1L)).asFiletime().orElseThrow())
                .isAfter(java.time.Instant.parse("9999-12-31T23:59:59Z"));
        assertThat(new Value("K", "t", 3, new byte[7]).asFiletime()).isEmpty();
    }

    @Test
    void systemTimeReadsEightUnsignedWordsAndOrdersChronologically() {
        byte[] raw = java.nio.ByteBuffer.allocate(16)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 2012)
                .putShort((short) 4)
                .putShort((short) 5)
                .putShort((short) 6)
                .putShort((short) 16)
                .putShort((short) 2)
                .putShort((short) 59)
                .putShort((short) 123)
                .array();
        SystemTime t =
                new Value("K", "DateLastConnected", 3, raw).asSystemTime().orElseThrow();
        assertThat(t).isEqualTo(new SystemTime(2012, 4, 5, 6, 16, 2, 59, 123));
        assertThat(t).isGreaterThan(new SystemTime(2012, 4, 6, 5, 23, 59, 59, 999));
        assertThat(t).isLessThan(new SystemTime(2012, 4, 0, 6, 16, 3, 0, 0));
        raw[0] = (byte) 0xff;
        raw[1] = (byte) 0xff;
        assertThat(new Value("K", "d", 3, raw).asSystemTime().orElseThrow().year())
                .isEqualTo(65535);
        assertThat(new Value("K", "d", 3, new byte[15]).asSystemTime()).isEmpty();
    }

    @Test
    void guidHasItsFirstThreeFieldsLittleEndian() {
        byte[] raw = java.util.HexFormat.of().parseHex("72e9364d25e3ce11bfc108002be10318");
        assertThat(new Value("K", "g", 3, raw).asGuid()).contains("{4d36e972-e325-11ce-bfc1-08002be10318}");
        assertThat(new Value("K", "g", 3, new byte[15]).asGuid()).isEmpty();
    }

    @Test
    void aGuidReadsAsTheFormatterWroteItForAnyBytes() {
        java.util.Random random = new java.util.Random(16);
        for (int n = 0; n < 20_000; n++) {
            byte[] raw = new byte[16 + n % 3];
            random.nextBytes(raw);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            String formatted = String.format(
                    java.util.Locale.ROOT,
                    "{%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x}",
                    b.getInt(0),
                    b.getShort(4),
                    b.getShort(6),
                    raw[8],
                    raw[9],
                    raw[10],
                    raw[11],
                    raw[12],
                    raw[13],
                    raw[14],
                    raw[15]);
            assertThat(new Value("K", "g", 3, raw).asGuid()).contains(formatted);
        }
        assertThat(new Value("K", "g", 3, new byte[15]).asGuid()).isEmpty();
    }
}
