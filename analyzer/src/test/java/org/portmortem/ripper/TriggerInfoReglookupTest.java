package org.portmortem.ripper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The triggerinfo plugin (a RegRipper 4 addition) against {@code reglookup}: on every clean corpus
 * SYSTEM hive, there is one fact per {@code Services\NAME\TriggerInfo\N} key reglookup lists in the
 * control set in use, and no other.
 */
class TriggerInfoReglookupTest {
    private static final Path REGLOOKUP = Path.of("/usr/bin/reglookup");

    @Test
    void oneFactPerTriggerInfoSubkeyReglookupLists() throws Exception {
        int[] triggers = {0};
        CleanSystemHives.forEach(REGLOOKUP, (path, hive, context) -> {
            List<String> ours = RipPlugins.named("triggerinfo").orElseThrow().run(context).stream()
                    .map(f -> f.evidence().keyPath().toLowerCase(Locale.ROOT))
                    .sorted()
                    .toList();
            String services = context.systemModel().controlSetPath() + "\\Services";
            assertThat(ours).as(path.toString()).isEqualTo(triggerKeys(path, services));
            triggers[0] += ours.size();
        });
        assertThat(triggers[0])
                .as("triggers compared (Windows 7 and later hives)")
                .isGreaterThan(50);
    }

    private static List<String> triggerKeys(Path hive, String services) throws Exception {
        Process p = new ProcessBuilder(
                        REGLOOKUP.toString(),
                        "-H",
                        "-t",
                        "KEY",
                        "-p",
                        "/" + services.replace('\\', '/'),
                        hive.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(5, TimeUnit.MINUTES);
        Pattern trigger = Pattern.compile("^/[^/]+/services/[^/]+/triggerinfo/[^/]+$");
        return out.lines()
                .map(l -> l.substring(0, l.indexOf(',')).toLowerCase(Locale.ROOT))
                .filter(k -> trigger.matcher(k).matches())
                .map(k -> k.substring(1).replace('/', '\\'))
                .sorted()
                .toList();
    }
}
