package org.portmortem.analysis;

import java.time.Instant;
import java.util.List;
import org.portmortem.evidence.Evidence;

/**
 * An older copy of the analysed hives (RegBack, XP's repair folder, a Volume Shadow Copy export)
 * compared with the live set: the services and drivers whose start, image path or account differ, and
 * the listeners one predicts and the other does not. A service made to start automatically after the
 * last backup shows here.
 *
 * @param kind {@code regback}, {@code repair} or {@code vss}
 * @param path the copy's SYSTEM file, as the report shows paths
 * @param lastWritten the copy's SYSTEM header time stamp, or {@code null}
 * @param status one line: compared, empty (zero-byte, not read), or why it could not be read
 * @param differences what differs, services first, then listeners
 */
public record HiveCopy(String kind, String path, Instant lastWritten, String status, List<Difference> differences) {

    public HiveCopy {
        differences = List.copyOf(differences);
    }

    /**
     * One difference between the live hives and the copy.
     *
     * @param subject the service or driver name, or the listener ({@code TCP 0.0.0.0:23 TlntSvr})
     * @param kind {@code service}, {@code driver} or {@code listener}
     * @param field {@code start}, {@code imagePath}, {@code account} (ObjectName), or {@code listener}
     * @param live the value in the live hives ({@code null}: absent)
     * @param copy the value in the copy ({@code null}: absent)
     * @param liveEvidence where the live value was read
     * @param copyEvidence where the copy's value was read
     */
    public record Difference(
            String subject,
            String kind,
            String field,
            String live,
            String copy,
            List<Evidence> liveEvidence,
            List<Evidence> copyEvidence) {

        public Difference {
            liveEvidence = List.copyOf(liveEvidence);
            copyEvidence = List.copyOf(copyEvidence);
        }
    }
}
