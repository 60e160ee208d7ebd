package org.portmortem.analysis;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.portmortem.model.MachineTimeZone;

/**
 * An instant as the report shows it: in UTC, and in the analysed machine's local time with the offset
 * that applied there (from its {@code TimeZoneInformation}, daylight saving included).
 *
 * @param utc the instant
 * @param utcText ISO-8601 in UTC, e.g. {@code 2002-03-14T09:12:45Z}
 * @param localText ISO-8601 local date-time with offset, e.g. {@code 2002-03-14T10:12:45+01:00}, or
 *     {@code null} where the machine's time zone is unknown
 */
public record MachineTime(Instant utc, String utcText, String localText) {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** The instant in UTC and in the machine's local time ({@code zone} may be {@code null}). */
    public static MachineTime of(Instant instant, MachineTimeZone zone) {
        String utc = instant.atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_INSTANT);
        String local = zone == null ? null : LOCAL.format(zone.toLocal(instant));
        return new MachineTime(instant, utc, local);
    }

    /** The local time as an {@link OffsetDateTime}, or {@code null}. */
    public OffsetDateTime local() {
        return localText == null ? null : OffsetDateTime.parse(localText);
    }
}
