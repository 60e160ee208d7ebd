/**
 * Network vocabulary shared by the readers and the later stages: the transport {@link
 * org.portmortem.net.Protocol}. It knows nothing of Windows services or of listings.
 */
package org.portmortem.net;
