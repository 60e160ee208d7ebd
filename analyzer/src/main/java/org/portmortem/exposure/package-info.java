/**
 * Exposure: the listening sockets and RPC endpoints the boot plan implies
 * ({@link org.portmortem.exposure.ExposurePredictor}). Knowledge that is data comes from the
 * {@code knowledge} package; the mechanisms that need code live here: NetBT per address, the SMB
 * device, the endpoint mapper, dynamic RPC ports and their range, RPC interface restriction,
 * registry-configured ports and the host firewall.
 */
package org.portmortem.exposure;
