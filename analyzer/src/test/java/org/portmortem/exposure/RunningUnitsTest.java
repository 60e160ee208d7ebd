package org.portmortem.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A host's running units found by name exactly as a search of the list comparing lower-case names finds them. */
class RunningUnitsTest {
    private static HostAtBoot.RunningUnit unit(String name, String process) {
        return new HostAtBoot.RunningUnit(name, false, process, null, null, List.of());
    }

    /** The lookup the index replaces: the first unit whose lower-case name equals the lower-case name sought. */
    private static Optional<HostAtBoot.RunningUnit> searched(List<HostAtBoot.RunningUnit> units, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return units.stream()
                .filter(u -> u.name().toLowerCase(Locale.ROOT).equals(n))
                .findFirst();
    }

    @Test
    void aUnitIsFoundByNameInAnyCaseAndTheFirstOfTwoNamedAlikeWins() {
        List<HostAtBoot.RunningUnit> list = List.of(
                unit("LanmanServer", "svchost.exe"),
                unit("lanmanserver", "other.exe"),
                unit("\u0130stanbul", "a.exe"), // capital I with dot: lower case is two characters
                unit("\u03a3\u03a3", "b.exe"), // final sigma in lower case
                unit("W32Time", "svchost.exe"));
        RunningUnits units = RunningUnits.of(list);
        assertThat(units).containsExactlyElementsOf(list);
        assertThat(units.named("LANMANSERVER")).containsSame(list.get(0));
        for (String name : List.of(
                "lanmanserver",
                "LanmanServer",
                "w32time",
                "\u0130stanbul",
                "i\u0307stanbul",
                "istanbul",
                "\u03c3\u03c2",
                "\u03a3\u03a3",
                "\u03c3\u03c3",
                "absent",
                "")) {
            assertThat(units.named(name)).as(name).isEqualTo(searched(list, name));
        }
    }

    @Test
    void theListCannotBeChangedAndAHostKeepsTheIndex() {
        RunningUnits units = RunningUnits.of(List.of(unit("A", "a.exe")));
        assertThatThrownBy(() -> units.add(unit("B", "b.exe"))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(RunningUnits.of(units)).isSameAs(units);
    }
}
