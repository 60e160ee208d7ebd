/**
 * Plugins that read a user's NTUSER.DAT hive (RegRipper 3.0's {@code osversion}).
 */
package org.portmortem.ripper.ntuser;
