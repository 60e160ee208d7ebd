package org.portmortem.model;

import java.time.Instant;

/**
 * The Windows version and role, from SOFTWARE {@code Microsoft\Windows NT\CurrentVersion} and SYSTEM
 * {@code Control\ProductOptions}. Without SOFTWARE, the version facts are absent and the family is
 * inferred from what SYSTEM shows, which {@link #familyBasis()} says.
 *
 * @param productName ProductName, e.g. "Microsoft Windows 2000" (may say "Windows 10" on Windows 11)
 * @param currentVersion CurrentVersion, e.g. "5.0", "6.3" (Windows 10 and later still store "6.3")
 * @param currentBuild CurrentBuildNumber, or CurrentBuild where that is missing
 * @param ubr UBR, the update build revision (Windows 10 and later)
 * @param csdVersion CSDVersion, the service pack, e.g. "Service Pack 4"; without SOFTWARE, read from SYSTEM
 *     {@code Control\Windows\CSDVersion} (a DWORD, 0x100 per service pack) as "Service Pack N"
 * @param editionId EditionID, e.g. "Professional", "ServerStandard"
 * @param installationType InstallationType, e.g. "Client", "Server", "Server Core"
 * @param installDate InstallDate (seconds since 1970, UTC)
 * @param productType ProductOptions ProductType as a role
 * @param family the release family, decided by build number first
 * @param familyBasis one line saying which facts decided the family, and that it was inferred when
 *     SOFTWARE was not available
 */
public record WindowsVersion(
        Evidenced<String> productName,
        Evidenced<String> currentVersion,
        Evidenced<String> currentBuild,
        Evidenced<Integer> ubr,
        Evidenced<String> csdVersion,
        Evidenced<String> editionId,
        Evidenced<String> installationType,
        Evidenced<Instant> installDate,
        Evidenced<ProductType> productType,
        WindowsFamily family,
        String familyBasis) {

    /** The build number as a number, if CurrentBuildNumber/CurrentBuild holds one. */
    public java.util.OptionalInt buildNumber() {
        String b = currentBuild.value();
        if (b != null && b.trim().matches("\\d{1,9}")) {
            return java.util.OptionalInt.of(Integer.parseInt(b.trim()));
        }
        return java.util.OptionalInt.empty();
    }
}
