package org.portmortem.snapshot;

import java.time.Instant;

/**
 * What a memory-image or live-response listing adds to a socket row: where the object was found,
 * when it was created, and what the row stands for.
 *
 * @param offset      the object's offset as printed ({@code 0x850baed6e050}; Volatility's JSON
 *                    renderers print it as a decimal number, shown here in hex), or null when the
 *                    tool gives none (Velociraptor, KAPE, Kansa)
 * @param createdText the creation time exactly as printed, or null when absent ({@code -}, {@code N/A})
 * @param created     that time in UTC when the listing says or implies UTC (Volatility converts the
 *                    kernel's FILETIME, which is UTC), else null (a local time of unknown offset)
 * @param mark        what the row stands for
 * @param reason      why it got that mark, in one sentence (empty for {@link RecordMark#LIVE})
 * @param duplicateOf for {@link RecordMark#DUPLICATE}, the offset (or line, when there is no
 *                    offset) of the first row of the same socket; else null
 * @param listing     the file name the row was read from when one snapshot joins several listings of
 *                    the same image (Volatility 2 {@code sockets} with {@code connscan}), else null
 * @param ownerNote   how the owner was attributed when it is not simply the printed name (an owner
 *                    cut to 14 characters matched by prefix to a process table's full image name), or null
 */
public record MemoryRecord(
        String offset,
        String createdText,
        Instant created,
        RecordMark mark,
        String reason,
        String duplicateOf,
        String listing,
        String ownerNote) {

    public MemoryRecord {
        java.util.Objects.requireNonNull(mark, "mark");
        reason = reason == null ? "" : reason;
    }

    /** A row not yet judged: live until a rule says otherwise. */
    public static MemoryRecord unjudged(String offset, String createdText, Instant created) {
        return new MemoryRecord(offset, createdText, created, RecordMark.LIVE, "", null, null, null);
    }

    /** The same record with a mark and its reason. */
    public MemoryRecord marked(RecordMark newMark, String newReason, String newDuplicateOf) {
        return new MemoryRecord(offset, createdText, created, newMark, newReason, newDuplicateOf, listing, ownerNote);
    }

    /** The same record, read from the named listing of a joined snapshot. */
    public MemoryRecord inListing(String fileName) {
        return new MemoryRecord(offset, createdText, created, mark, reason, duplicateOf, fileName, ownerNote);
    }

    /** The same record with a note on how the owner was attributed. */
    public MemoryRecord withOwnerNote(String note) {
        return new MemoryRecord(offset, createdText, created, mark, reason, duplicateOf, listing, note);
    }

    /** The mark as a person reads it: {@code live}, {@code duplicate of offset 0x...}. */
    public String markText() {
        return switch (mark) {
            case DUPLICATE -> "duplicate of " + duplicateOf;
            default -> mark.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
