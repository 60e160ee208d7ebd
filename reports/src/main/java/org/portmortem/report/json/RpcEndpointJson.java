package org.portmortem.report.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.portmortem.exposure.RpcEndpoint;

/**
 * A predicted MS-RPC endpoint: {@code {id, uuid, version, name, protseq, endpoint, service, process,
 * certainty {level, reason}, evidence[]}}, {@code endpoint} {@code null} for a dynamic port.
 */
public final class RpcEndpointJson {
    private RpcEndpointJson() {}

    /** The i-th endpoint of the prediction, with its report id. */
    public static void write(ObjectNode n, int index, RpcEndpoint r, JsonContext c) {
        n.put("id", c.ids().rpcEndpoint(index));
        n.put("uuid", r.uuid());
        n.put("version", r.version());
        n.put("name", r.name());
        n.put("protseq", r.protseq());
        n.put("endpoint", r.endpoint());
        n.put("service", r.service());
        n.put("process", r.process());
        JsonFields.certainty(n.putObject("certainty"), r.certainty());
        EvidenceJson.array(n.putArray("evidence"), r.evidence(), c);
    }
}
