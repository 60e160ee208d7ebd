package org.portmortem.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Content-derived ids: readable, bounded, and unique in report order. */
class ReportIdsTest {
    private static InputFile input(String path, InputRole role) {
        return new InputFile(path, role, 1, "0".repeat(64), null, null, "read");
    }

    private static ReportIds idsOf(InputFile... inputs) {
        return new ReportIds(List.of(inputs), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void anIdIsTheKindThenTheContentInLowerCaseWithOtherCharactersAsDashes() {
        assertThat(ReportIds.slug("SYSTEM-ControlSet001\\Services\\NetBT"))
                .isEqualTo("system-controlset001-services-netbt");
        assertThat(ReportIds.slug("exposure.smb-netbt:TCP/0.0.0.0:445"))
                .isEqualTo("exposure.smb-netbt-tcp-0.0.0.0-445");
        assertThat(ReportIds.slug("Windows NT\\CurrentVersion  ")).isEqualTo("windows-nt-currentversion");
        assertThat(idsOf(input("case/SYSTEM", InputRole.SYSTEM)).input(0)).isEqualTo("input-system-system");
    }

    @Test
    void longOrUnreadableContentIsCutAndHashedSoDifferentTextsStayApart() {
        String a = ReportIds.slug("x".repeat(100_000) + "a");
        String b = ReportIds.slug("x".repeat(100_000) + "b");
        assertThat(a)
                .hasSizeLessThanOrEqualTo(ReportIds.MAX_SLUG + 9)
                .startsWith("xxxx")
                .matches("x+-[0-9a-f]{8}");
        assertThat(a).isNotEqualTo(b);
        assertThat(ReportIds.slug("\u202e<>")).matches("[0-9a-f]{8}");
        assertThat(ReportIds.slug("\u202e<>")).isNotEqualTo(ReportIds.slug("\u202e<!>"));
    }

    @Test
    void collisionsAreToldApartInReportOrderSkippingTakenIds() {
        ReportIds ids = idsOf(
                input("a/SYSTEM", InputRole.SYSTEM),
                input("b/system", InputRole.SYSTEM),
                input("c/SYSTEM-2", InputRole.SYSTEM),
                input("d/SYSTEM", InputRole.SYSTEM));
        assertThat(List.of(ids.input(0), ids.input(1), ids.input(2), ids.input(3)))
                .containsExactly(
                        "input-system-system",
                        "input-system-system-2",
                        "input-system-system-2-2",
                        "input-system-system-3");
        ReportIds again = idsOf(
                input("a/SYSTEM", InputRole.SYSTEM),
                input("b/system", InputRole.SYSTEM),
                input("c/SYSTEM-2", InputRole.SYSTEM),
                input("d/SYSTEM", InputRole.SYSTEM));
        assertThat(again.input(3)).isEqualTo(ids.input(3));
    }
}
