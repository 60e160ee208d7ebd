package org.portmortem.snapshot;

/**
 * Which program printed a listing, so every place that shows the listing can say where it comes
 * from: a memory scan and a live {@code netstat} do not have the same standing.
 *
 * @param tool     {@code Volatility 3}, {@code Volatility 2}, {@code Velociraptor}, {@code KAPE}, {@code Kansa}
 * @param plugin   the plugin, artifact or module ({@code windows.netscan}, {@code sockscan},
 *                 {@code Windows.Network.NetstatEnriched}, {@code Get-NetworkConnection}); when the
 *                 content cannot tell (Volatility 3's netscan and netstat print the same columns) the
 *                 candidates and how the choice was made
 * @param renderer how it was written: {@code quick}, {@code quick (tabs expanded to spaces)}, {@code csv},
 *                 {@code json}, {@code jsonl}, {@code text}, {@code tsv}
 * @param version  the tool's version when a banner line gives it ({@code 2.21.0}), else null
 */
public record ListingSource(String tool, String plugin, String renderer, String version) {

    /** One line: {@code Volatility 3 2.21.0, windows.netscan, quick renderer}. */
    public String describe() {
        return tool + (version == null ? "" : " " + version) + ", " + plugin + ", " + renderer + " renderer";
    }
}
