package org.portmortem.report.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.portmortem.image.DiskImage;
import org.portmortem.image.FileTimes;
import org.portmortem.image.ImageFileOrigin;

/**
 * Where a file copied out of a disk image came from, as JSON: the {@code image} object of the report's
 * {@code inputs[]} (schema 1.2), also written by {@code rip --format json} for a hive read from an image.
 * {@code path}, {@code format}, {@code sha256[]} {file, size, sha256}, {@code volume}, {@code offset},
 * {@code fileSystem}, {@code pathInImage}, {@code mftEntry}, {@code address}, {@code times}
 * {standardInformation, fileName: {modified, accessed, changed, born}}, {@code note}.
 */
public final class ImageOriginJson {
    private ImageOriginJson() {}

    /**
     * Puts {@code image} into {@code n}: the origin, or {@code null}.
     *
     * @param c the clock: instants are shown as {@code {utc, local}}, local in the machine's time zone when known
     */
    public static void put(ObjectNode n, ImageFileOrigin o, JsonContext c) {
        if (o == null) {
            n.putNull("image");
            return;
        }
        ObjectNode i = n.putObject("image");
        i.put("path", o.image().toString());
        i.put("format", o.format().word());
        ArrayNode hashes = i.putArray("sha256");
        for (DiskImage.SegmentHash h : o.segments()) {
            ObjectNode s = hashes.addObject();
            s.put("file", h.file().toString());
            s.put("size", h.size());
            s.put("sha256", h.sha256());
        }
        i.put("volume", o.volume());
        i.put("offset", o.offset());
        i.put("fileSystem", o.fileSystem());
        i.put("pathInImage", o.pathInImage());
        i.put("mftEntry", o.mftEntry());
        i.put("address", o.address());
        ObjectNode times = i.putObject("times");
        macb(times, "standardInformation", o.times().standardInformation(), c);
        macb(times, "fileName", o.times().fileName(), c);
        i.put("note", o.note());
    }

    private static void macb(ObjectNode n, String field, FileTimes.Macb t, JsonContext c) {
        if (t == null) {
            n.putNull(field);
            return;
        }
        ObjectNode m = n.putObject(field);
        JsonFields.instant(m, "modified", t.modified(), c);
        JsonFields.instant(m, "accessed", t.accessed(), c);
        JsonFields.instant(m, "changed", t.changed(), c);
        JsonFields.instant(m, "born", t.born(), c);
    }
}
