package org.portmortem.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.portmortem.hive.Hive;
import org.portmortem.hive.Key;
import org.portmortem.model.RegistryFacts.KeyAt;

/**
 * Reads the Windows version and role and decides the family from {@code windows-families.json}: by
 * build number, else by CurrentVersion, else (SYSTEM alone) by what the services show.
 */
final class VersionReader {
    record BuildRow(int minBuild, String family, String workstationFamily, String source) {}

    record VersionRow(String currentVersion, String family, String workstationFamily) {}

    record SystemOnlyRule(
            String buildKey,
            String buildValue,
            String servicePresent,
            String serviceImage,
            String imageFile,
            String productType,
            String family,
            boolean atLeast,
            String source) {}

    /** A family and the facts that decided it. */
    private record Decision(String family, String basis) {}

    record Table(List<BuildRow> builds, List<VersionRow> versions, List<SystemOnlyRule> systemOnly) {}

    private static final Table TABLE = ModelData.load("windows-families.json", Table.class);

    private VersionReader() {}

    static WindowsVersion read(
            Hive system, Hive software, Key controlSet, Map<String, Service> services, RegistryFacts facts) {
        KeyAt cv = KeyAt.inSoftware(software, SystemRoot.CURRENT_VERSION);
        Evidenced<String> build = facts.string(cv, "CurrentBuildNumber");
        if (!build.isPresent()) {
            build = facts.string(cv, "CurrentBuild");
        }
        Evidenced<ProductType> productType = facts.string(
                        KeyAt.of(controlSet).child("Control\\ProductOptions"), "ProductType")
                .map(ProductType::ofRegistryValue);
        if (!productType.isPresent()) {
            facts.warn(
                    "Control\\ProductOptions\\ProductType is missing: the role (workstation, server, domain"
                            + " controller) is unknown and role-specific facts are doubtful",
                    productType.evidence());
        }
        Evidenced<String> currentVersion = facts.string(cv, "CurrentVersion");
        Evidenced<Instant> installDate = facts.unixTime(cv, "InstallDate");
        // Without SOFTWARE, SYSTEM's Control\Windows CSDVersion (0x100 per service pack) still tells the service pack.
        Evidenced<String> csd = software != null
                ? facts.string(cv, "CSDVersion")
                : facts.read(KeyAt.of(controlSet).child("Control\\Windows"), "CSDVersion", VersionReader::servicePack);
        WindowsVersion partial = new WindowsVersion(
                facts.string(cv, "ProductName"),
                currentVersion,
                build,
                facts.integer(cv, "UBR"),
                csd,
                facts.string(cv, "EditionID"),
                facts.string(cv, "InstallationType"),
                installDate,
                productType,
                WindowsFamily.UNKNOWN,
                "");
        ProductType role = productType.orElse(ProductType.UNKNOWN);
        Decision decided = decide(
                partial.buildNumber(), currentVersion.value(), role, services, software == null ? system : null, facts);
        String basis = decided.basis();
        WindowsFamily family = WindowsFamily.valueOf(decided.family());
        if (family == WindowsFamily.WIN11_2025
                && partial.productName().orElse("").contains("Windows 10")) {
            basis = basis + "; ProductName still says '" + partial.productName().value() + "', as Windows 11 leaves it";
        }
        return new WindowsVersion(
                partial.productName(),
                currentVersion,
                build,
                partial.ubr(),
                partial.csdVersion(),
                partial.editionId(),
                partial.installationType(),
                installDate,
                productType,
                family,
                basis);
    }

    /** The family a build number falls in, with the table row's source, or null below NT 4. */
    private static Decision byBuild(int build, ProductType role) {
        for (BuildRow r : TABLE.builds()) {
            if (build >= r.minBuild()) {
                String family = role == ProductType.WORKSTATION && r.workstationFamily() != null
                        ? r.workstationFamily()
                        : r.family();
                return new Decision(family, r.source());
            }
        }
        return null;
    }

    private static Decision decide(
            OptionalInt build,
            String currentVersion,
            ProductType role,
            Map<String, Service> services,
            Hive systemOnly,
            RegistryFacts facts) {
        if (build.isPresent()) {
            Decision f = byBuild(build.getAsInt(), role);
            if (f != null) {
                return new Decision(f.family(), "build " + build.getAsInt() + " (" + f.basis() + ")");
            }
        }
        if (currentVersion != null) {
            for (VersionRow r : TABLE.versions()) {
                if (r.currentVersion().equals(currentVersion.trim())) {
                    String family = role == ProductType.WORKSTATION && r.workstationFamily() != null
                            ? r.workstationFamily()
                            : r.family();
                    return new Decision(family, "CurrentVersion " + currentVersion.trim() + " (no build number)");
                }
            }
        }
        if (systemOnly == null) {
            return new Decision("UNKNOWN", "SOFTWARE holds no build number or known CurrentVersion");
        }
        for (SystemOnlyRule r : TABLE.systemOnly()) {
            String family = r.family();
            Optional<String> matched;
            if (r.buildKey() != null) {
                Evidenced<String> v =
                        facts.read(KeyAt.of(systemOnly, r.buildKey()), r.buildValue(), VersionReader::versionText);
                OptionalInt b = buildOf(v.value());
                Decision f = b.isPresent() ? byBuild(b.getAsInt(), role) : null;
                family = f == null ? null : f.family();
                matched = f == null
                        ? Optional.empty()
                        : Optional.of(r.buildKey() + "\\" + r.buildValue() + " = " + v.value());
            } else {
                matched = matches(r, role, services);
            }
            if (matched.isPresent()) {
                return new Decision(
                        family,
                        "inferred from SYSTEM alone (no SOFTWARE hive): " + matched.get()
                                + (r.atLeast() ? ", so this family or later" : "") + " [" + r.source() + "]");
            }
        }
        return new Decision("UNKNOWN", "inferred from SYSTEM alone (no SOFTWARE hive): nothing decides");
    }

    /** A version as text: a string as stored, or a QWORD split into four 16-bit parts (10.0.16299.15). */
    static String versionText(org.portmortem.hive.Value v) {
        if (v.type() == org.portmortem.hive.ValueType.REG_QWORD) {
            long q = v.asLong();
            return (q >>> 48) + "." + ((q >>> 32) & 0xffff) + "." + ((q >>> 16) & 0xffff) + "." + (q & 0xffff);
        }
        return RegistryFacts.text(v);
    }

    /** SYSTEM's CSDVersion DWORD as text: the high byte is the service pack number (0x300 = 3). */
    static String servicePack(org.portmortem.hive.Value v) {
        int n = v.asInt() >>> 8;
        return n == 0 ? "no service pack" : "Service Pack " + n;
    }

    /** The third part of a dotted version (major.minor.build[.revision]). */
    static OptionalInt buildOf(String version) {
        if (version == null) {
            return OptionalInt.empty();
        }
        String[] parts = version.trim().split("\\.");
        if (parts.length >= 3 && parts[2].matches("\\d{1,6}")) {
            return OptionalInt.of(Integer.parseInt(parts[2]));
        }
        return OptionalInt.empty();
    }

    private static Optional<String> matches(SystemOnlyRule r, ProductType role, Map<String, Service> services) {
        if (r.servicePresent() != null) {
            return Optional.ofNullable(services.get(SystemModel.fold(r.servicePresent())))
                    .map(s -> "service " + s.name() + " present");
        }
        if (r.serviceImage() != null) {
            Service s = services.get(SystemModel.fold(r.serviceImage()));
            if (s != null && s.image() != null && s.image().fileName().equalsIgnoreCase(r.imageFile())) {
                return Optional.of(s.name() + " runs in " + s.image().fileName());
            }
            return Optional.empty();
        }
        if (r.productType() != null && role == ProductType.valueOf(r.productType())) {
            return Optional.of("ProductType " + role.registryValue() + ", network services in svchost");
        }
        return Optional.empty();
    }
}
