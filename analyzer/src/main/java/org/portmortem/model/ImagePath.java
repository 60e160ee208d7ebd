package org.portmortem.model;

import java.util.Locale;
import org.portmortem.evidence.SharedText;

/**
 * A file path from the registry (a service's ImagePath or ServiceDll) as stored, and as Windows
 * would resolve it: {@code %SystemRoot%} and other environment references replaced,
 * {@code \SystemRoot\} and bare {@code system32\...} paths placed under the system root,
 * {@code \??\} removed, a quoted or unquoted executable split from its arguments.
 *
 * @param raw the value as stored
 * @param file the resolved file path, e.g. {@code C:\WINNT\system32\svchost.exe}
 * @param arguments what follows the file on the command line ({@code ""} if nothing)
 * @param systemRootAssumed true when the system root was not known from SOFTWARE and
 *     {@code C:\Windows} was assumed
 */
public record ImagePath(String raw, String file, String arguments, boolean systemRootAssumed) {

    /** The resolved file and arguments repeat from service to service (svchost.exe): kept once, see {@link SharedText}. */
    public ImagePath {
        file = SharedText.of(file);
        arguments = SharedText.of(arguments);
    }

    /** The file's name without folders, e.g. {@code svchost.exe}. */
    public String fileName() {
        int slash = Math.max(file.lastIndexOf('\\'), file.lastIndexOf('/'));
        return file.substring(slash + 1);
    }

    /** True when the file is svchost.exe. */
    public boolean isSvchost() {
        return fileName().toLowerCase(Locale.ROOT).equals("svchost.exe");
    }
}
