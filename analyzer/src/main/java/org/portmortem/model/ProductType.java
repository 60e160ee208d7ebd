package org.portmortem.model;

/**
 * The role a Windows installation was installed for, from
 * {@code Control\ProductOptions\ProductType} in SYSTEM.
 */
public enum ProductType {
    /** {@code WinNT}: a workstation/client edition. */
    WORKSTATION("WinNT"),
    /** {@code ServerNT}: a server that is not a domain controller. */
    SERVER("ServerNT"),
    /** {@code LanmanNT}: a domain controller. */
    DOMAIN_CONTROLLER("LanmanNT"),
    /** The value is absent or holds something else. */
    UNKNOWN("");

    private final String registryValue;

    ProductType(String registryValue) {
        this.registryValue = registryValue;
    }

    /** The ProductType string Windows stores for this role ({@code ""} for {@link #UNKNOWN}). */
    public String registryValue() {
        return registryValue;
    }

    /** The role for a stored ProductType string, compared case-insensitively. */
    public static ProductType ofRegistryValue(String value) {
        for (ProductType t : values()) {
            if (t != UNKNOWN && t.registryValue.equalsIgnoreCase(value == null ? "" : value.trim())) {
                return t;
            }
        }
        return UNKNOWN;
    }

    /** True for servers and domain controllers. */
    public boolean isServer() {
        return this == SERVER || this == DOMAIN_CONTROLLER;
    }
}
