package org.portmortem.hive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.portmortem.InputException;

/**
 * A registry hive, read-only: a tree of {@link Key}s with {@link Value}s.
 *
 * <p>{@link #open(Path)} recognises the format by content, not by name: a binary regf file, or a
 * text export ({@code REGEDIT4} or {@code Windows Registry Editor Version 5.00}, in UTF-16LE, UTF-8
 * or ANSI). Evidence files are opened read-only and never written; transaction logs are replayed in
 * memory. Everything above this interface is blind to which format it got.
 */
public interface Hive extends AutoCloseable {

    /** Opens a hive file with default options (transaction logs replayed). */
    static Hive open(Path path) throws IOException {
        return open(path, HiveOpenOptions.DEFAULT);
    }

    /**
     * Opens a hive file, recognising its format by content.
     *
     * @throws HiveFormatException if the file is not a hive this reader knows, with one line naming
     *     the file and the reason
     * @throws InputException if the file is missing or unreadable
     */
    static Hive open(Path path, HiveOpenOptions options) throws IOException {
        if (!Files.exists(path)) {
            throw new InputException(path, "no such file");
        }
        if (Files.isDirectory(path)) {
            throw new InputException(path, "is a folder, not a hive file");
        }
        byte[] head = new byte[64];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new InputException(path, "no such file");
        } catch (IOException e) {
            throw new InputException(path, "cannot be read: " + e.getMessage(), e);
        }
        return HiveFormats.open(path, head, n, options);
    }

    /** A short name for reports and evidence: the file name, or what the hive was built from. */
    String name();

    /** The file this hive was read from, if any. */
    Optional<Path> file();

    /** The format the content came from. */
    HiveFormat format();

    /** The root key. */
    Key root();

    /**
     * The key at a backslash-separated path from the root, without the root's own name
     * ({@code ControlSet001\Services\Tcpip}), compared case-insensitively.
     */
    default Optional<Key> key(String path) {
        return root().key(path);
    }

    /** Header facts and log replay status. */
    HiveInfo info();

    /**
     * What could not be read so far. Readers that read lazily add warnings as parts of the hive are
     * visited, so this list grows during a traversal.
     */
    List<HiveWarning> warnings();

    /** Releases the file mapping, if any. Keys and values must not be used afterwards. */
    @Override
    void close();
}
