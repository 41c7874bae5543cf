package io.openwaas.wallet.api;

import io.openwaas.platform.api.Ids;
import io.openwaas.platform.api.Page;
import io.openwaas.platform.api.PageRequest;
import io.openwaas.platform.auth.CallerContext;
import io.openwaas.platform.auth.CoboAuth;
import io.openwaas.wallet.domain.KeyShareHolderGroupService;
import io.openwaas.wallet.messaging.TssNodeView;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;
import java.util.UUID;

/** Reference §3.4: the key share holders of a vault's groups. */
@CoboAuth
@Path("/v2/wallets/mpc/vaults/{vault_id}/key_share_holders")
@Produces(MediaType.APPLICATION_JSON)
public class KeyShareHolderResource {

    private final CallerContext caller;
    private final KeyShareHolderGroupService groups;
    /** At most this many ids in {@code key_share_holder_group_ids} (the reference's list size). */
    static final int MAX_GROUP_IDS = 50;

    private final TssNodeView nodes;

    public KeyShareHolderResource(CallerContext caller, KeyShareHolderGroupService groups, TssNodeView nodes) {
        this.caller = caller;
        this.groups = groups;
        this.nodes = nodes;
    }

    @GET
    public Uni<Page<KeyShareHolder>> list(@RestPath("vault_id") String vaultId,
                                          @RestQuery("key_share_holder_group_ids") String groupIds,
                                          @RestQuery String limit, @RestQuery String before, @RestQuery String after) {
        UUID vault = Ids.uuid("vault_id", vaultId);
        List<UUID> ids = Ids.csv("key_share_holder_group_ids", groupIds, MAX_GROUP_IDS).stream()
                .map(s -> Ids.uuid("key_share_holder_group_ids", s)).distinct().toList();
        PageRequest page = PageRequest.parse(limit, before, after);
        return groups.listHolders(caller.orgId(), vault, ids, page)
                .map(p -> p.map(h -> Views.holder(h.holder(), h.groupStatus(), nodes)));
    }

    @GET
    @Path("{tss_node_id}")
    public Uni<KeyShareHolder> get(@RestPath("vault_id") String vaultId, @RestPath("tss_node_id") String tssNodeId) {
        UUID vault = Ids.uuid("vault_id", vaultId);
        return groups.getHolder(caller.orgId(), vault, tssNodeId)
                .map(h -> Views.holder(h.holder(), h.groupStatus(), nodes));
    }
}
