package org.portmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BundledResourceTest {
    enum Kind {
        LOW,
        HIGH
    }

    record Data(List<String> words, Kind kind) {}

    @Test
    void documentationFieldsAreSkippedAndEnumWordsMatchInAnyCase() {
        Data d = BundledResource.json(BundledResourceTest.class, "bundled-documented.json", Data.class);
        assertThat(d.words()).containsExactly("one", "two");
        assertThat(d.kind()).isEqualTo(Kind.LOW);
    }

    @Test
    void aMistypedFieldFailsNamingTheFileInsteadOfBeingIgnored() {
        assertThatThrownBy(() -> BundledResource.json(BundledResourceTest.class, "bundled-typo.json", Data.class))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("org/portmortem/bundled-typo.json")
                .hasMessageContaining("wrods");
    }

    @Test
    void aMissingResourceIsABuildDefectNamingItsFullPath() {
        assertThatThrownBy(() -> BundledResource.text(BundledResourceTest.class, "absent.txt"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("org/portmortem/absent.txt");
    }
}
