package io.openwaas.wallet.api;

import io.openwaas.platform.auth.CoboAuth;
import io.openwaas.wallet.messaging.TssNodeView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * Reference §3.4 {@code GET /v2/wallets/mpc/cobo_key_share_holders}: the platform's own TSS nodes (the
 * {@code tss.nodes} view), as a top-level array sorted by node id. Type {@code Cobo}; {@code online} when the node
 * announced itself Online within three heartbeats.
 */
@CoboAuth
@Path("/v2/wallets/mpc/cobo_key_share_holders")
@Produces(MediaType.APPLICATION_JSON)
public class CoboKeyShareHolderResource {

    private final TssNodeView nodes;

    public CoboKeyShareHolderResource(TssNodeView nodes) {
        this.nodes = nodes;
    }

    @GET
    public List<KeyShareHolder> list() {
        long now = System.currentTimeMillis();
        return nodes.all().stream().map(n -> Views.coboHolder(n, now)).toList();
    }
}
