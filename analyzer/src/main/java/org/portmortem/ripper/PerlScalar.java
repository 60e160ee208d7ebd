package org.portmortem.ripper;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portmortem.hive.Value;
import org.portmortem.hive.ValueType;

/**
 * A value's data as the Perl scalar a RegRipper plugin gets from Parse::Win32Registry's
 * {@code get_data}, for plugins that print or unpack it as it comes: REG_SZ, REG_EXPAND_SZ and
 * REG_MULTI_SZ as {@link RegRipperData#of} gives them, a REG_DWORD or REG_DWORD_BIG_ENDIAN of four
 * bytes as unsigned decimal and of any other length as {@code ""} (get_data gives undef, which Perl
 * prints as nothing), and every other type (REG_BINARY, REG_QWORD, REG_LINK, …) as its raw bytes,
 * one character per byte (ISO-8859-1), as get_data returns them undecoded.
 */
public final class PerlScalar {
    /** The decimal number Perl reads at the start of a string used as a number (sign, fraction, exponent). */
    private static final Pattern NUMBER = Pattern.compile("^\\s*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)");

    private PerlScalar() {}

    /**
     * A string used as a number, as Perl reads it (e.g. in {@code == 0}): its leading decimal number,
     * 0 where there is none ({@code "0x1"} is 0, {@code " 02abc"} is 2).
     */
    public static double number(String s) {
        Matcher m = NUMBER.matcher(s);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** The scalar {@code get_data} gives for the value. */
    public static String of(Value v) {
        ValueType t = v.type();
        if (t == ValueType.REG_SZ || t == ValueType.REG_EXPAND_SZ || t == ValueType.REG_MULTI_SZ) {
            return RegRipperData.of(v);
        }
        if (t == ValueType.REG_DWORD || t == ValueType.REG_DWORD_BIG_ENDIAN) {
            return v.size() == 4 ? Long.toString(v.asLong()) : "";
        }
        return new String(v.raw(), StandardCharsets.ISO_8859_1);
    }
}
