/**
 * PortMortem's engine: from a Windows machine's hives and observed listings to the {@code Analysis}
 * that every report renders. The flow goes one way: {@code hive} readers, the {@code model}, the
 * {@code bootplan}, the {@code exposure}, the {@code verdict}, and {@code analysis}, which runs them.
 * {@link org.portmortem.InputException} is the one way any stage refuses bad input: one line naming
 * the file (and the offset or line) that a command prints as it is. {@link org.portmortem.BundledResource}
 * is the one way to read the files shipped in the jar (knowledge is data: JSON bound to records with
 * Jackson's streaming parser, strictly, by {@code BundledJson}). {@link org.portmortem.RecordHash} is the
 * hash of the records that write out their {@code equals} and {@code hashCode}.
 */
package org.portmortem;
