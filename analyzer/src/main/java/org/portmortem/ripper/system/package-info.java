/**
 * Plugins that read the SYSTEM hive, under RegRipper 3.0's names and versions where they are
 * ports ({@code svc}, {@code services}, {@code nic2}, {@code portproxy}, ...) and under their own names
 * where they are PortMortem's additions ({@code triggerinfo}). The control set is the one
 * {@code Select\Current} names.
 */
package org.portmortem.ripper.system;
