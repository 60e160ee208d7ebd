package org.portmortem.image;

/**
 * The container formats read, and the name The Sleuth Kit's {@code -i} option gives each ({@code mmls -i list}).
 * VHDX has none in Debian's sleuthkit 4.11 and is converted to raw with {@code qemu-img} first.
 */
public enum ImageFormat {
    /** Raw (dd) image, one file or split as .001, .002, ... */
    RAW("raw", "raw"),
    /** Expert Witness Format (EnCase E01, also split .E01, .E02, ...), through libewf. */
    EWF("ewf", "E01"),
    /** Microsoft Virtual Hard Disk (fixed or dynamic), through libvhdi. */
    VHD("vhd", "VHD"),
    /** Microsoft VHDX: not readable by this Sleuth Kit build; converted to raw with qemu-img. */
    VHDX(null, "VHDX"),
    /** VMware virtual disk (sparse or flat, with its descriptor), through libvmdk. */
    VMDK("vmdk", "VMDK");

    private final String tskType;
    private final String word;

    ImageFormat(String tskType, String word) {
        this.tskType = tskType;
        this.word = word;
    }

    /** The {@code -i} type The Sleuth Kit knows this format by, or {@code null} (VHDX). */
    public String tskType() {
        return tskType;
    }

    /** How reports name the format. */
    public String word() {
        return word;
    }
}
