package org.portmortem.report.rip.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.portmortem.report.rip.text.RegRipperTextDiff.Output;
import org.portmortem.ripper.HiveType;

/**
 * networklist's text is RegRipper's, line for line, and its TLN is networklist_tln's, on every
 * SOFTWARE hive: the corpus's and the reference systems' (no NetworkList key) and
 * {@link NetworkHives}' written ones (profiles, signatures, intranet names, wireless entries; empty
 * lists).
 *
 * <p>One rewrite of RegRipper's output: it prints the profiles in Perl hash order, which is random
 * from run to run, so its profile blocks (seven lines from the name to the empty line) are put in
 * the order of their text, as ours are; in TLN its leading profile lines are sorted likewise.
 */
class NetworkListTextTest {
    private static final String PROFILES = "Microsoft\\Windows NT\\CurrentVersion\\NetworkList\\Profiles";
    private static final Pattern PROFILE_TLN =
            Pattern.compile("^[0-9]*\\|REG\\|\\|\\|\\[.* Connect\\] - Last Connected to .*");

    @TestFactory
    Stream<DynamicTest> networklistTextIsRegRippersOnEverySoftwareHive() {
        return RegRipperTextDiff.onEveryHive(
                HiveType.SOFTWARE,
                "networklist",
                Output.TEXT,
                NetworkListTextTest::profilesInTextOrder,
                List.of(NetworkHives.populated(), NetworkHives.emptyLists()));
    }

    @TestFactory
    Stream<DynamicTest> networklistTimelineIsNetworklistTlnsOnEverySoftwareHive() {
        return RegRipperTextDiff.onEveryHive(
                HiveType.SOFTWARE,
                "networklist",
                Output.TLN,
                NetworkListTextTest::profileLinesInTextOrder,
                List.of(NetworkHives.populated(), NetworkHives.emptyLists()));
    }

    /** RegRipper's profile blocks, which follow the Profiles path line, sorted by their six lines of text. */
    private static String profilesInTextOrder(String regRipper) {
        List<String> lines = Arrays.asList(regRipper.split("\n", -1));
        int start = lines.indexOf(PROFILES) + 1;
        if (start == 0) {
            return regRipper;
        }
        int end = start;
        List<List<String>> blocks = new ArrayList<>();
        while (end + 6 < lines.size() && lines.get(end + 1).startsWith("  Key LastWrite    : ")) {
            blocks.add(lines.subList(end, end + 7));
            end += 7;
        }
        blocks.sort((a, b) -> String.join("\n", a.subList(0, 6)).compareTo(String.join("\n", b.subList(0, 6))));
        List<String> out = new ArrayList<>(lines.subList(0, start));
        blocks.forEach(out::addAll);
        out.addAll(lines.subList(end, lines.size()));
        return String.join("\n", out);
    }

    /** RegRipper's leading profile TLN lines, sorted. */
    private static String profileLinesInTextOrder(String regRipper) {
        List<String> lines = Arrays.asList(regRipper.split("\n", -1));
        int end = 0;
        while (end < lines.size() && PROFILE_TLN.matcher(lines.get(end)).matches()) {
            end++;
        }
        List<String> out = new ArrayList<>(lines.subList(0, end));
        out.sort(null);
        out.addAll(lines.subList(end, lines.size()));
        return String.join("\n", out);
    }
}
