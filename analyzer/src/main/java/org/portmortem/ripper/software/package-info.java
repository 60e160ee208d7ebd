/**
 * Plugins that read the SOFTWARE hive ({@code networkcards}, {@code networklist} with
 * {@code Nla\Wireless}).
 */
package org.portmortem.ripper.software;
