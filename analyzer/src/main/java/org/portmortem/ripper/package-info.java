/**
 * RegRipper-style plugins on PortMortem's reader. Each plugin declares the hive types it reads
 * ({@code DeclaredPlugin}) and yields typed facts ({@link org.portmortem.ripper.RipFact}); it prints
 * nothing, so the same facts give RegRipper's text, CSV, JSON and TLN in the reports module.
 * Simple value plugins are data ({@code value-plugins.json}), as are svc_tln's alert rules
 * ({@code svc-alerts.properties}).
 */
package org.portmortem.ripper;
