package org.portmortem.ripper.system;

import java.util.Optional;
import java.util.regex.Pattern;
import org.portmortem.ripper.LabelTable;

/**
 * The words RegRipper's services, svc and svc_tln plugins print for a service's Type and Start data,
 * read from {@code service-labels.properties}. The data is what Parse::Win32Registry's {@code get_data}
 * gives a plugin ({@link org.portmortem.ripper.RegRipperData#of}): a plugin finds a word only where that
 * data is the number written plainly in decimal (Perl's {@code exists $types{$data}} on a hash whose keys
 * are numbers), so a REG_DWORD 16 is {@code Own_Process} but a REG_SZ {@code "016"} keeps no word.
 * Absent data ({@code null}) stays absent.
 */
final class ServiceLabels {
    private static final LabelTable LABELS = LabelTable.load("service-labels.properties");
    /** A number as Perl writes it, short enough for a long. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("0|[1-9][0-9]{0,17}");

    private ServiceLabels() {}

    /** Type as svc (and svc_tln) prints it: its word, else the data as stored (a number in decimal). */
    static String svcType(String data) {
        return data == null ? null : word("svc.type.", data).orElse(data);
    }

    /**
     * Type as services prints it: a word from its smaller table, else {@code 0x} and the number in
     * hexadecimal, which is what services.pl means by {@code sprintf "0x%x"}; it formats an undefined
     * variable instead and prints {@code 0x0} for every such Type (a RegRipper bug not reproduced).
     * Data that is not a number (a Type stored as text) is printed as stored.
     */
    static String servicesType(String data) {
        if (data == null) {
            return null;
        }
        return word("services.type.", data)
                .orElseGet(() ->
                        PLAIN_NUMBER.matcher(data).matches() ? "0x" + Long.toHexString(Long.parseLong(data)) : data);
    }

    /** Start as the three plugins print it: its word (e.g. {@code Auto Start}), else the data as stored. */
    static String start(String data) {
        return data == null ? null : word("start.", data).orElse(data);
    }

    private static Optional<String> word(String prefix, String data) {
        return PLAIN_NUMBER.matcher(data).matches()
                ? Optional.ofNullable(LABELS.word(prefix, Long.parseLong(data)))
                : Optional.empty();
    }
}
