package org.portmortem.evidence;

/**
 * One shared instance for short text that repeats across many facts and pieces of evidence: value names
 * ({@code Start}, {@code Type}), type names, notes, and data such as {@code 3 (0x00000003)}. A
 * system model holds about a dozen {@link Evidence} records per service, so on a hive with tens of
 * thousands of services these equal strings, each its own copy as read from the hive, were most of
 * the heap.
 *
 * <p>A fixed table of {@value #SLOTS} slots, each remembering the last text that hashed to it: a
 * lookup either finds an equal instance or takes the slot. Memory is bounded whatever the input
 * holds (attacker-chosen text can only evict, never grow the table), nothing is locked, and a lost
 * race only costs a missed sharing: a {@code String} is immutable and safely published through its
 * final fields. Text longer than {@value #MAX_LENGTH} characters is returned as is (long data,
 * such as an ImagePath, is shared with the fact read from it instead, see
 * {@code org.portmortem.model.Evidenced}). Records of the model and the boot plan that hold derived
 * text repeated from service to service (resolved image files, host processes, boot decisions'
 * reasons) pass it through here too.
 */
public final class SharedText {
    static final int SLOTS = 4096;
    static final int MAX_LENGTH = 256;
    private static final String[] TABLE = new String[SLOTS];

    private SharedText() {}

    /** An instance equal to {@code text}: one seen before, or {@code text} itself; {@code null} stays {@code null}. */
    public static String of(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return text;
        }
        int h = text.hashCode();
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        String seen = TABLE[slot];
        if (text.equals(seen)) {
            return seen;
        }
        TABLE[slot] = text;
        return text;
    }
}
