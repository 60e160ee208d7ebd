package org.portmortem.snapshot.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.portmortem.JsonTrees;

/**
 * The rows of a table-shaped listing, whatever its renderer, as column name → text with the
 * 1-based line where the row starts. One reading for Volatility 3's quick (tab-separated, or tabs
 * expanded to spaces by a console copy), csv, json and jsonl renderers, for Velociraptor's JSON
 * lines / JSON / CSV and KAPE's CSV / JSON, and for Kansa's TSV. Rows that cannot be split become
 * warnings, never exceptions.
 */
final class ColumnRows {
    /** A row: its line and its cells by column name (null = absent, as JSON null). */
    record Row(int line, Map<String, String> cells) {
        String get(String column) {
            return cells.get(column);
        }
    }

    /** A problem with one line. */
    record Problem(int line, String message) {}

    final List<Row> rows = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();

    /** Read with the streaming parser into trees ({@link JsonTrees}), not the object mapper. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    /** Quick renderer and TSV: a header line split on tabs, then one row per non-blank line. */
    static ColumnRows tabs(List<String> lines, int headerIndex, boolean tabsExpanded, boolean quoted) {
        ColumnRows out = new ColumnRows();
        List<String> header = split(lines.get(headerIndex), tabsExpanded, Integer.MAX_VALUE, quoted);
        for (int i = headerIndex + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank()) {
                continue;
            }
            List<String> cells = split(l, tabsExpanded, header.size(), quoted);
            out.add(i + 1, header, cells);
        }
        return out;
    }

    /** CSV with a header line (Volatility's {@code -r csv}, Velociraptor and KAPE CSV exports). */
    static ColumnRows csv(List<String> lines, int headerIndex) {
        ColumnRows out = new ColumnRows();
        List<String> header = CsvRecord.split(lines.get(headerIndex));
        if (header == null) {
            out.problems.add(new Problem(headerIndex + 1, "the CSV header leaves a quote open"));
            return out;
        }
        for (int i = headerIndex + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank()) {
                continue;
            }
            List<String> cells = CsvRecord.split(l);
            if (cells == null) {
                out.problems.add(new Problem(i + 1, "a quote is left open; line not read"));
                continue;
            }
            out.add(i + 1, header, cells);
        }
        return out;
    }

    /** JSON lines: one object per line. */
    static ColumnRows jsonLines(List<String> lines) {
        ColumnRows out = new ColumnRows();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.isEmpty()) {
                continue;
            }
            try (JsonParser p = JSON.createParser(l)) {
                JsonNode n = JsonTrees.first(p);
                if (n == null || !n.isObject()) {
                    out.problems.add(new Problem(i + 1, "not a JSON object; line not read"));
                    continue;
                }
                out.object(i + 1, n);
            } catch (JsonProcessingException e) {
                out.problems.add(new Problem(i + 1, "not valid JSON (" + firstLine(e.getOriginalMessage()) + ")"));
            } catch (IOException e) {
                // a parser over a string fails only as above; kept a line's problem all the same
                out.problems.add(new Problem(i + 1, "JSON could not be read: " + firstLine(e.getMessage())));
            }
        }
        return out;
    }

    /** A JSON array of objects (each with its line); a single object is read as a one-row array. */
    static ColumnRows jsonArray(String text) {
        ColumnRows out = new ColumnRows();
        try (JsonParser p = JSON.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                int line = p.currentTokenLocation().getLineNr();
                out.object(line, JsonTrees.read(p));
                return out;
            }
            if (t != JsonToken.START_ARRAY) {
                out.problems.add(new Problem(1, "not a JSON array of objects"));
                return out;
            }
            while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                int line = p.currentTokenLocation().getLineNr();
                JsonNode n = JsonTrees.read(p);
                if (n != null && n.isObject()) {
                    out.object(line, n);
                } else {
                    out.problems.add(new Problem(line, "an array element that is not an object; not read"));
                }
            }
            if (t == null) {
                out.problems.add(new Problem(p.currentLocation().getLineNr(), "the JSON array is not closed"));
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            out.problems.add(new Problem(
                    line, "not valid JSON (" + firstLine(e.getOriginalMessage()) + "); what came before was read"));
        } catch (IOException e) {
            out.problems.add(new Problem(0, "JSON could not be read: " + firstLine(e.getMessage())));
        }
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * An object as a row: nested objects flattened to dotted names ({@code Laddr.IP}, as
     * Velociraptor writes them), Volatility's {@code __children} read as further rows (the tree
     * renderers nest child rows there; the socket plugins have none).
     */
    private void object(int line, JsonNode n) {
        Map<String, String> cells = new LinkedHashMap<>();
        flatten("", n, cells, line);
        rows.add(new Row(line, cells));
    }

    private void flatten(String prefix, JsonNode n, Map<String, String> cells, int line) {
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            JsonNode v = e.getValue();
            if (prefix.isEmpty() && e.getKey().equals("__children")) {
                if (v.isArray()) {
                    for (JsonNode child : v) {
                        if (child.isObject()) {
                            object(line, child);
                        }
                    }
                }
                continue;
            }
            String name = prefix + e.getKey();
            if (v.isObject()) {
                flatten(name + ".", v, cells, line);
            } else if (v.isNull() || v.isMissingNode()) {
                cells.put(name, null);
            } else if (v.isValueNode()) {
                cells.put(name, v.asText());
            } else {
                cells.put(name, v.toString());
            }
        }
    }

    private void add(int line, List<String> header, List<String> cells) {
        if (cells.size() != header.size()) {
            problems.add(new Problem(
                    line, cells.size() + " fields where the header has " + header.size() + "; line not read"));
            return;
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            m.put(header.get(c).trim(), cells.get(c));
        }
        rows.add(new Row(line, m));
    }

    /**
     * Splits a quick-renderer line. With real tabs: on each tab. With tabs expanded to spaces
     * (8-column stops, as a console copy leaves them): a field starts at a tab stop after the gap
     * that follows the previous field; each further 8 columns of gap is an empty field (the quick
     * renderer's empty UDP state). The last column keeps its inner spaces ({@code Created} is a
     * date and a time).
     */
    static List<String> split(String line, boolean tabsExpanded, int columns, boolean quoted) {
        List<String> out = new ArrayList<>();
        if (!tabsExpanded) {
            for (String f : line.split("\t", -1)) {
                out.add(quoted ? unquote(f) : f);
            }
            // Quick renderer rows end with the last value; a trailing tab-free line is one field.
            return out;
        }
        int i = 0;
        int n = line.length();
        while (i < n && out.size() < columns) {
            if (out.size() == columns - 1) {
                out.add(line.substring(i).strip());
                return out;
            }
            int end = line.indexOf(' ', i);
            if (end < 0) {
                out.add(line.substring(i));
                return out;
            }
            out.add(line.substring(i, end));
            int next = end;
            while (next < n && line.charAt(next) == ' ') {
                next++;
            }
            if (next >= n) {
                break;
            }
            int stop = (end / 8 + 1) * 8;
            if (next > stop && (next - stop) % 8 == 0) {
                for (int k = 0; k < (next - stop) / 8 && out.size() < columns - 1; k++) {
                    out.add("");
                }
            }
            i = next;
        }
        return out;
    }

    private static String unquote(String f) {
        return f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"")
                ? f.substring(1, f.length() - 1).replace("\"\"", "\"")
                : f;
    }
}
