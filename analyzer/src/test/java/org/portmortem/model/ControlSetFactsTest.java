package org.portmortem.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.portmortem.InputException;
import org.portmortem.fuzz.FuzzLoop;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.hive.Key;

/**
 * The single facts a rip plugin reads without the model ({@link ControlSetFacts}: identity, time zone,
 * service keys, decoded triggers) are the model's own,
 * on every SYSTEM hive of the corpus and of the reference systems (the hostile one included), in each
 * control set the hive has.
 */
class ControlSetFactsTest {

    @Test
    void everySingleFactEqualsTheModelsOnTheCorpusAndTheReferenceSystems() throws Exception {
        List<Path> hives = new ArrayList<>(SharedCorpus.systemHives());
        for (String system : List.of("winxp-default", "win2000-server-default", "hostile")) {
            hives.add(FuzzLoop.fixtures().resolve(system).resolve("SYSTEM.reg"));
        }
        int compared = 0;
        for (Path path : hives) {
            try (Hive hive = Hive.open(path, HiveOpenOptions.NO_LOGS)) {
                for (int set = 0; set <= 3; set++) {
                    ModelOptions options = set == 0 ? ModelOptions.DEFAULT : ModelOptions.withControlSet(set);
                    SystemModel model;
                    try {
                        model = SystemModel.read(hive, null, options);
                    } catch (InputException notThisSet) {
                        continue; // not a SYSTEM hive, or no such control set
                    }
                    Key cs = SystemModel.chooseControlSet(hive, options).key();
                    String where = path + " " + cs.path();
                    MachineIdentity id = model.identity();
                    assertThat(ControlSetFacts.computerName(cs)).as(where).isEqualTo(id.computerName());
                    assertThat(ControlSetFacts.hostName(cs)).as(where).isEqualTo(id.hostName());
                    assertThat(ControlSetFacts.timeZone(cs)).as(where).isEqualTo(id.timeZone());
                    assertThat(ControlSetFacts.lastShutdown(cs)).as(where).isEqualTo(id.lastShutdown());
                    assertThat(ControlSetFacts.serviceKeys(cs).stream().map(Key::path))
                            .as(where)
                            .containsExactlyElementsOf(model.services().stream()
                                    .map(s -> s.key().path())
                                    .toList());
                    Function<Key, List<ServiceTrigger>> triggers = ControlSetFacts.triggerDecoder(cs);
                    for (Service s : model.services()) {
                        assertThat(triggers.apply(s.key()))
                                .as(where + " " + s.name())
                                .isEqualTo(s.triggers());
                    }
                    compared++;
                }
            }
        }
        assertThat(compared).as("control sets compared").isGreaterThanOrEqualTo(3);
        assumeTrue(!SharedCorpus.systemHives().isEmpty(), "shared corpus not found: only the fixtures were compared");
    }

    @Test
    void aServiceNameSeenTwiceInAnotherCaseIsOneServiceTheLastReadInThePlaceOfTheFirst() {
        record Named(String name, int order) {}
        List<Named> keys = List.of(new Named("Tcpip", 1), new Named("Dnscache", 2), new Named("TCPIP", 3));
        assertThat(ControlSetFacts.oneByName(keys, Named::name))
                .containsExactly(new Named("TCPIP", 3), new Named("Dnscache", 2));
        assertThat(ControlSetFacts.oneByName(List.of("a", "b"), Function.identity()))
                .containsExactly("a", "b");
    }
}
