package org.portmortem.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * The machine's time zone, from {@code Control\TimeZoneInformation}, with the rules Windows applies
 * so that any UTC time can be shown in the machine's local time.
 *
 * <p>Windows stores the bias in minutes with UTC = local time + bias, and the daylight-saving rule as
 * two SYSTEMTIME structures: month, day of week, and occurrence in the month (5 = last), at a local
 * time. A month of 0 means no daylight saving.
 *
 * @param keyName TimeZoneKeyName (Vista and later), e.g. "W. Europe Standard Time"
 * @param standardName StandardName, possibly an indirect {@code @tzres.dll,-N} string
 * @param bias Bias in minutes (UTC = local + bias)
 * @param standardBias StandardBias in minutes, added to Bias outside daylight saving
 * @param daylightBias DaylightBias in minutes, added to Bias during daylight saving
 * @param standardStart when daylight saving ends, or {@code null} where there is none
 * @param daylightStart when daylight saving starts, or {@code null} where there is none
 * @param dynamicDaylightDisabled DynamicDaylightTimeDisabled: automatic DST adjustment turned off
 *     (then Windows applies no daylight saving)
 * @param basis the key the facts were read from
 */
public record MachineTimeZone(
        Evidenced<String> keyName,
        Evidenced<String> standardName,
        int bias,
        int standardBias,
        int daylightBias,
        Transition standardStart,
        Transition daylightStart,
        boolean dynamicDaylightDisabled,
        org.portmortem.evidence.Evidence basis) {

    /**
     * One yearly transition, as a TIME_ZONE_INFORMATION SYSTEMTIME holds it.
     *
     * @param year 0 for a rule repeated every year, else the only year it applies to
     * @param month 1-12
     * @param dayOfWeek 0 = Sunday .. 6 = Saturday
     * @param occurrence 1-5, which such weekday of the month (5 = the last); the day of the month when
     *     {@code year} is not 0
     * @param hour local hour
     * @param minute local minute
     */
    public record Transition(int year, int month, int dayOfWeek, int occurrence, int hour, int minute) {

        /** The local date and time of this transition in a given year. */
        public LocalDateTime in(int inYear) {
            if (year != 0) {
                // An absolute date: occurrence holds the day of the month.
                LocalDate first = LocalDate.of(inYear, month, 1);
                return first.withDayOfMonth(Math.max(1, Math.min(occurrence, first.lengthOfMonth())))
                        .atTime(hour, minute);
            }
            DayOfWeek dow = DayOfWeek.SUNDAY.plus(dayOfWeek);
            LocalDate first = LocalDate.of(inYear, month, 1).with(TemporalAdjusters.firstInMonth(dow));
            LocalDate day = first.plusWeeks(occurrence - 1L);
            if (day.getMonthValue() != month) {
                day = LocalDate.of(inYear, month, 1).with(TemporalAdjusters.lastInMonth(dow));
            }
            return day.atTime(hour, minute);
        }
    }

    /** Whether daylight saving applies at all. */
    public boolean hasDaylightSaving() {
        return standardStart != null && daylightStart != null && !dynamicDaylightDisabled;
    }

    /** The offset from UTC outside daylight saving. */
    public ZoneOffset standardOffset() {
        return ZoneOffset.ofTotalSeconds(-(bias + standardBias) * 60);
    }

    /** The offset from UTC during daylight saving (the standard offset where there is none). */
    public ZoneOffset daylightOffset() {
        return hasDaylightSaving() ? ZoneOffset.ofTotalSeconds(-(bias + daylightBias) * 60) : standardOffset();
    }

    /** The machine's local time at that instant, with the offset that applied. */
    public OffsetDateTime toLocal(Instant instant) {
        if (!hasDaylightSaving()) {
            return instant.atOffset(standardOffset());
        }
        int year = instant.atOffset(standardOffset()).getYear();
        // Transition times are local: daylight starts at standard time, ends at daylight time.
        Instant dstStart = daylightStart.in(year).toInstant(standardOffset());
        Instant dstEnd = standardStart.in(year).toInstant(daylightOffset());
        boolean inDaylight = dstStart.isBefore(dstEnd)
                ? !instant.isBefore(dstStart) && instant.isBefore(dstEnd)
                : !instant.isBefore(dstStart) || instant.isBefore(dstEnd); // southern hemisphere
        return instant.atOffset(inDaylight ? daylightOffset() : standardOffset());
    }
}
