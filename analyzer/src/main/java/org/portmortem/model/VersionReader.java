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

    record SystemOnlyRule(String servicePresent, String serviceImage, String imageFile, String productType,
            String family, boolean atLeast, String source) {}

    record Table(List<BuildRow> builds, List<VersionRow> versions, List<SystemOnlyRule> systemOnly) {}

    private static final Table TABLE = ModelData.load("windows-families.json", Table.class);

    private VersionReader() {}

    static WindowsVersion read(Hive system, Hive software, Key controlSet, Map<String, Service> services,
            RegistryFacts facts) {
        KeyAt cv = software != null ? KeyAt.of(software, SystemRoot.CURRENT_VERSION)
                : new KeyAt(system, "(SOFTWARE absent) " + SystemRoot.CURRENT_VERSION, Optional.empty());
        Evidenced<String> build = facts.string(cv, "CurrentBuildNumber");
        if (!build.isPresent()) {
            build = facts.string(cv, "CurrentBuild");
        }
        Evidenced<ProductType> productType = facts.string(KeyAt.of(controlSet).child("Control\\ProductOptions"),
                "ProductType").map(ProductType::ofRegistryValue);
        Evidenced<String> currentVersion = facts.string(cv, "CurrentVersion");
        Evidenced<Instant> installDate = facts.unixTime(cv, "InstallDate");
        WindowsVersion partial = new WindowsVersion(facts.string(cv, "ProductName"), currentVersion, build,
                facts.integer(cv, "UBR"), facts.string(cv, "CSDVersion"), facts.string(cv, "EditionID"),
                facts.string(cv, "InstallationType"), installDate, productType, WindowsFamily.UNKNOWN, "");
        ProductType role = productType.orElse(ProductType.UNKNOWN);
        String[] decided = decide(partial.buildNumber(), currentVersion.value(), role, services, software == null);
        return new WindowsVersion(partial.productName(), currentVersion, build, partial.ubr(), partial.csdVersion(),
                partial.editionId(), partial.installationType(), installDate, productType,
                WindowsFamily.valueOf(decided[0]), decided[1]);
    }

    private static String[] decide(OptionalInt build, String currentVersion, ProductType role,
            Map<String, Service> services, boolean systemOnly) {
        if (build.isPresent()) {
            for (BuildRow r : TABLE.builds()) {
                if (build.getAsInt() >= r.minBuild()) {
                    String family = role == ProductType.WORKSTATION && r.workstationFamily() != null
                            ? r.workstationFamily() : r.family();
                    return new String[] {family, "build " + build.getAsInt() + " (" + r.source() + ")"};
                }
            }
        }
        if (currentVersion != null) {
            for (VersionRow r : TABLE.versions()) {
                if (r.currentVersion().equals(currentVersion.trim())) {
                    String family = role == ProductType.WORKSTATION && r.workstationFamily() != null
                            ? r.workstationFamily() : r.family();
                    return new String[] {family, "CurrentVersion " + currentVersion.trim() + " (no build number)"};
                }
            }
        }
        if (!systemOnly) {
            return new String[] {"UNKNOWN", "SOFTWARE holds no build number or known CurrentVersion"};
        }
        for (SystemOnlyRule r : TABLE.systemOnly()) {
            Optional<String> matched = matches(r, role, services);
            if (matched.isPresent()) {
                return new String[] {r.family(), "inferred from SYSTEM alone (no SOFTWARE hive): " + matched.get()
                        + (r.atLeast() ? ", so this family or later" : "") + " [" + r.source() + "]"};
            }
        }
        return new String[] {"UNKNOWN", "inferred from SYSTEM alone (no SOFTWARE hive): nothing decides"};
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
