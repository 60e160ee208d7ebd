package org.portmortem.ripper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Words RegRipper prints for stored numbers (service Type and Start, network NameType), read from a
 * properties file beside this class; keys are a prefix and the number in hexadecimal.
 */
public final class LabelTable {
    private final Properties labels = new Properties();

    private LabelTable(String resource) {
        try (InputStream in = LabelTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            labels.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table in {@code org/portmortem/ripper/NAME}. */
    public static LabelTable load(String name) {
        return new LabelTable(name);
    }

    /** The word for {@code prefix + hex(number)}, or {@code null} if the table has none. */
    public String word(String prefix, long number) {
        return labels.getProperty(prefix + Long.toHexString(number));
    }
}
