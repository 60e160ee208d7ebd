/**
 * The reports: the HTML findings report ({@code HtmlReport}, a jsoup DOM so every string from the
 * image is escaped by construction; {@code VisibleText} shows control and bidi characters), the JSON
 * report ({@code JsonReport}, schema in {@code /schema/}) and {@link org.portmortem.report.Csv}, the one
 * CSV writer. Renderers compute nothing: they show an {@code Analysis}.
 */
package org.portmortem.report;
