package org.portmortem.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.portmortem.InputException;

/**
 * Expands the fleet command's inputs into hosts.
 *
 * <ul>
 *   <li>a {@code .zip} file is one host (KAPE or Velociraptor collection);
 *   <li>a folder holding a SYSTEM hive itself, or a single triage tree
 *       ({@code .../Windows/System32/config/}), is one host;
 *   <li>a folder with zip files, or with two or more subfolders that hold hives, is a fleet: each of
 *       its zip files and subfolders is a host (an empty subfolder too: it is listed as failed).
 * </ul>
 *
 * Host ids are the folder or zip names (without {@code .zip}), characters other than letters,
 * digits, {@code .}, {@code _} and {@code -} replaced by {@code _}, made unique by a suffix
 * ({@code -2}, {@code -3}...) in path order; hosts are sorted by id.
 */
public final class FleetInputs {
    private static final int MAX_DEPTH = 8;

    private FleetInputs() {}

    /**
     * The hosts of the inputs.
     *
     * @throws InputException if an input does not exist or is a file other than a zip
     */
    public static List<HostInput> expand(List<Path> inputs) throws IOException {
        List<Path> hosts = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isRegularFile(in)) {
                if (!isZip(in)) {
                    throw new InputException(in, "is a file, not a case folder or a .zip collection");
                }
                hosts.add(in);
            } else if (Files.isDirectory(in)) {
                hosts.addAll(hostsIn(in));
            } else {
                throw new InputException(in, "no such file or folder");
            }
        }
        Set<Path> seen = new HashSet<>();
        List<HostInput> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path p : hosts) {
            if (!seen.add(p.toAbsolutePath().normalize())) {
                continue;
            }
            String base = idOf(p);
            String id = base;
            for (int n = 2; !ids.add(id.toLowerCase(Locale.ROOT)); n++) {
                id = base + "-" + n;
            }
            out.add(new HostInput(id, p.toString(), isZip(p) ? HostInput.Kind.ZIP : HostInput.Kind.FOLDER));
        }
        out.sort(Comparator.comparing(HostInput::id));
        return out;
    }

    private static List<Path> hostsIn(Path folder) throws IOException {
        if (holdsHiveDirectly(folder)) {
            return List.of(folder);
        }
        List<Path> children;
        try (Stream<Path> s = Files.list(folder)) {
            children = s.filter(p -> Files.isDirectory(p) || isZip(p)).sorted().toList();
        }
        long withHives =
                children.stream().filter(c -> isZip(c) || holdsHives(c)).count();
        boolean anyZip = children.stream().anyMatch(FleetInputs::isZip);
        return anyZip || withHives >= 2 ? children : List.of(folder);
    }

    private static boolean holdsHives(Path folder) {
        if (holdsHiveDirectly(folder)) {
            return true;
        }
        try (Stream<Path> s = Files.walk(folder, MAX_DEPTH)) {
            return s.filter(Files::isDirectory).anyMatch(FleetInputs::isConfigFolder);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static boolean holdsHiveDirectly(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString().toLowerCase(Locale.ROOT))
                    .anyMatch(n -> n.equals("system")
                            || n.equals("system.hiv")
                            || n.equals("system.dat")
                            || n.equals("system.reg"));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isConfigFolder(Path p) {
        int n = p.getNameCount();
        return n >= 3
                && p.getName(n - 1).toString().equalsIgnoreCase("config")
                && p.getName(n - 2).toString().equalsIgnoreCase("System32")
                && p.getName(n - 3).toString().equalsIgnoreCase("Windows");
    }

    static boolean isZip(Path p) {
        return Files.isRegularFile(p)
                && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static String idOf(Path p) {
        Path name = p.toAbsolutePath().normalize().getFileName();
        String n = name == null ? "host" : name.toString();
        if (isZip(p)) {
            n = n.substring(0, n.length() - 4);
        }
        n = n.replaceAll("[^A-Za-z0-9._-]", "_");
        return n.isEmpty() || n.startsWith(".") ? "host" + n : n;
    }
}
