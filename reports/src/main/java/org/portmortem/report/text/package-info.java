/**
 * Console tables of the stage outputs ({@code system}, {@code services}): text, CSV and JSON.
 */
package org.portmortem.report.text;
