/**
 * {@link org.portmortem.hive.write.HiveWriter}: writes a valid regf hive from any
 * {@link org.portmortem.hive.Hive} (the {@code convert} command; tests build binary hives from the
 * .reg fixtures with it). Layout from msuhanov's regf specification; checked by reading the result
 * back with hivexml, reglookup and regfexport.
 */
package org.portmortem.hive.write;
