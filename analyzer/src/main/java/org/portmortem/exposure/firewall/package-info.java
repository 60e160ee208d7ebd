/**
 * The host firewall: Windows Firewall (XP SP2/2003) and Windows Firewall with Advanced Security
 * (Vista and later) profiles, exception lists and rules, local and Group Policy copies, and the
 * reachability of each listener they imply.
 */
package org.portmortem.exposure.firewall;
