package org.portmortem.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.InputException;

/** Digests taken beside the parse are those of the files given, in their order, or a one-line error. */
class PendingDigestsTest {
    @TempDir
    Path dir;

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void theDigestsAreThoseOfEachFileInTheOrderGivenRepeatsIncluded() throws Exception {
        byte[] large = new byte[3 * (1 << 20) + 17]; // more than one read buffer
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 31 + (i >>> 11));
        }
        Path a = Files.write(dir.resolve("a"), large);
        Path b = Files.writeString(dir.resolve("b"), "netstat\r\n");
        Path empty = Files.createFile(dir.resolve("empty"));
        List<FileDigest> digests = PendingDigests.start(List.of(a, b, empty, a)).await();
        assertThat(digests)
                .containsExactly(
                        new FileDigest(large.length, sha256(large)),
                        new FileDigest(9, sha256("netstat\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))),
                        new FileDigest(0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                        new FileDigest(large.length, sha256(large)));
    }

    @Test
    void aMissingFileOrAFolderIsRefusedByNameBeforeStartReturns() throws Exception {
        Path present = Files.writeString(dir.resolve("SYSTEM"), "x");
        Path missing = dir.resolve("SOFTWARE");
        assertThatThrownBy(() -> PendingDigests.start(List.of(present, missing)))
                .isInstanceOf(InputException.class)
                .hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> PendingDigests.start(List.of(dir)))
                .isInstanceOf(InputException.class)
                .hasMessage(dir + ": not a regular file");
    }

    @Test
    void noFilesGiveNoDigests() throws Exception {
        assertThat(PendingDigests.start(List.of()).await()).isEmpty();
    }

    @Test
    void cancellingStopsTheHashingThreadLongBeforeItWouldHaveFinished() throws Exception {
        // 16 GiB of holes: a minute or more to hash, nothing on disk
        Path huge = dir.resolve("disk.raw");
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            raf.setLength(16L << 30);
        }
        PendingDigests pending = PendingDigests.start(List.of(huge));
        Thread hashing = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("evidence-digests") && t.isAlive())
                .findFirst()
                .orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(
                hashing != null, "one processor: the digests are taken before start returns");
        pending.cancel();
        hashing.join(10_000);
        assertThat(hashing.isAlive()).isFalse();
        assertThatThrownBy(pending::await).isInstanceOf(java.util.concurrent.CancellationException.class);
    }
}
