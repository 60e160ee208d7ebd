package org.portmortem.ripper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portmortem.BundledResource;

/** {@code value-plugins.json} read with the streaming parser gives what Jackson's data binding gives, as strictly. */
class ValuePluginsJsonTest {

    private static List<ValuePlugin> read(String json) throws Exception {
        return ValuePluginsJson.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theBundledDefinitionsAreTheOnesDataBindingReads() {
        List<ValuePlugin> bound =
                BundledResource.json(RipPlugins.class, "value-plugins.json", new TypeReference<List<ValuePlugin>>() {});
        assertThat(ValuePluginsJson.bundled()).hasSizeGreaterThanOrEqualTo(10).isEqualTo(bound);
    }

    @Test
    void hiveTypesMatchInAnyCaseAndMissingFieldsTakeTheirDefaults() throws Exception {
        ValuePlugin p = read("[{\"name\": \"x\", \"hiveTypes\": [\"system\"], \"description\": \"d\","
                        + " \"regRipperVersion\": \"\", \"comment\": \"why\","
                        + " \"keys\": [{\"key\": \"K\", \"values\": [{\"value\": \"V\", \"label\": \"L\"}]}]}]")
                .get(0);
        assertThat(p.hiveTypes()).containsExactly(HiveType.SYSTEM);
        assertThat(p.banner()).isNull();
        ValuePlugin.KeyValues k = p.keys().get(0);
        assertThat(k.allValues()).isFalse();
        assertThat(k.fromRoot()).isNull();
        assertThat(k.text()).isNull();
        assertThat(k.values()).containsExactly(new ValuePlugin.Label("V", "L", null, null));
    }

    @Test
    void anUnknownFieldOrHiveTypeIsRefusedNamingThePlugin() {
        assertThatThrownBy(() -> read("[{\"name\": \"x\", \"hiveTypes\": [\"SYSTEM\"], \"description\": \"d\","
                        + " \"regRipperVersion\": \"\", \"keys\": [{\"key\": \"K\", \"valuez\": []}]}]"))
                .hasMessageContaining("x keys")
                .hasMessageContaining("unknown field valuez");
        assertThatThrownBy(() -> read("[{\"name\": \"y\", \"hiveTypes\": [\"SISTEM\"], \"description\": \"d\","
                        + " \"regRipperVersion\": \"\", \"keys\": []}]"))
                .hasMessageContaining("y: no hive type SISTEM");
    }
}
