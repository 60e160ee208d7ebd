package org.portmortem.analysis;

import java.util.List;
import org.portmortem.exposure.Exposure;
import org.portmortem.model.SystemModel;

/**
 * Two cases side by side ({@code portmortem diff A B}): the same comparison an older hive copy gets
 * against the live hives, with A in place of the live hives and B in place of the copy.
 */
public final class CaseDifferences {
    private CaseDifferences() {}

    /**
     * The services and drivers whose Start, ImagePath or ObjectName differ between A and B (or that only
     * one has), then the listeners predicted for one and not the other; in each difference {@code live}
     * is A's value and {@code copy} B's.
     */
    public static List<HiveCopy.Difference> between(
            SystemModel a, Exposure aExposure, SystemModel b, Exposure bExposure) {
        return HiveCopyComparison.between(a, aExposure, b, bExposure);
    }
}
