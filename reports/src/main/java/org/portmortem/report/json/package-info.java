/**
 * One JSON serializer per concept (evidence, listener, socket, RPC endpoint, service, finding,
 * difference between two hive states), used by the JSON report and by every subcommand's
 * {@code --format json}, so an object has the same keys wherever it is written: the report's, as its
 * JSON Schema ({@code /schema/portmortem-report.schema.json}) fixes them. What a concept's JSON needs
 * from around it (report ids, start types, the machine's clock) comes in a {@link
 * org.portmortem.report.json.JsonContext}. Serializers compute nothing: they lay out values.
 */
package org.portmortem.report.json;
