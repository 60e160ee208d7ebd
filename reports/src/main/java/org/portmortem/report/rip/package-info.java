/**
 * The {@code rip} command's outputs: RegRipper's text, CSV, JSON and TLN timelines from the
 * plugins' facts.
 */
package org.portmortem.report.rip;
