/**
 * Disk images as evidence containers: E01 (also split), raw/dd (also split), VHD, VHDX and VMDK,
 * read through The Sleuth Kit's command-line tools ({@code mmls}, {@code fsstat}, {@code fls},
 * {@code icat}, {@code istat}; Debian package {@code sleuthkit}). No file system or container format
 * is parsed here: this package runs those tools with bounded output and timeouts, finds the NTFS
 * volumes and the Windows installations on them, and copies hive files out into a private temporary
 * folder with their provenance (image hashes, volume, offset, path, MFT entry, MACB times).
 *
 * <p>A reader: it knows files and folders, nothing of services. VHDX, which this Sleuth Kit build
 * cannot open, is first converted to raw with {@code qemu-img convert} (Debian {@code qemu-utils})
 * inside the private temporary folder.
 */
package org.portmortem.image;
