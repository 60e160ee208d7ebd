/**
 * A case: finding its files by name in any case (also in a KAPE tree, {@code CaseFiles}) and opening
 * its hives read-only with their logs and overlays applied to in-memory copies ({@code CaseHives}).
 */
package org.portmortem.cases;
