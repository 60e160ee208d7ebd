/**
 * One {@code PluginText} per RegRipper plugin: lays out its facts line for line as RegRipper 3.0
 * prints them, so {@code diff} against {@code regripper -p} shows only PortMortem's own lines.
 */
package org.portmortem.report.rip.text;
