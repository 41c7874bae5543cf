package io.openwaas.wallet.api;

import io.openwaas.platform.api.Ids;
import io.openwaas.platform.api.Page;
import io.openwaas.platform.api.PageRequest;
import io.openwaas.platform.auth.CallerContext;
import io.openwaas.platform.auth.CoboAuth;
import io.openwaas.wallet.domain.KeyShareHolderGroupService;
import io.openwaas.wallet.domain.KeyShareHolderGroupService.HolderSpec;
import io.openwaas.wallet.domain.KeyShareHolderGroupType;
import io.openwaas.platform.json.WireEnum;
import io.openwaas.wallet.messaging.TssNodeView;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;
import java.util.UUID;

/** Reference §3.4: key share holder groups of a vault. */
@CoboAuth
@Path("/v2/wallets/mpc/vaults/{vault_id}/key_share_holder_groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KeyShareHolderGroupResource {

    private final CallerContext caller;
    private final KeyShareHolderGroupService groups;
    private final TssNodeView nodes;

    public KeyShareHolderGroupResource(CallerContext caller, KeyShareHolderGroupService groups, TssNodeView nodes) {
        this.caller = caller;
        this.groups = groups;
        this.nodes = nodes;
    }

    @POST
    @ResponseStatus(201)
    public Uni<KeyShareHolderGroup> create(@RestPath("vault_id") String vaultId,
                                           @Valid @NotNull CreateKeyShareHolderGroupRequest request) {
        UUID vault = Ids.uuid("vault_id", vaultId);
        List<HolderSpec> specs = request.keyShareHolders().stream()
                .map(h -> new HolderSpec(h.name(), h.type(), h.tssNodeId(), h.signer())).toList();
        return groups.create(caller.orgId(), vault, request.keyShareHolderGroupType(), request.participants(),
                request.threshold(), specs).map(g -> Views.group(g, nodes));
    }

    @GET
    public Uni<Page<KeyShareHolderGroup>> list(@RestPath("vault_id") String vaultId,
                                               @RestQuery("key_share_holder_group_type") String type,
                                               @RestQuery String limit, @RestQuery String before,
                                               @RestQuery String after) {
        UUID vault = Ids.uuid("vault_id", vaultId);
        KeyShareHolderGroupType t = WireEnum.parseOptional(KeyShareHolderGroupType.class, "key_share_holder_group_type", type);
        PageRequest page = PageRequest.parse(limit, before, after);
        return groups.list(caller.orgId(), vault, t, page).map(p -> p.map(g -> Views.group(g, nodes)));
    }

    @GET
    @Path("{key_share_holder_group_id}")
    public Uni<KeyShareHolderGroup> get(@RestPath("vault_id") String vaultId,
                                        @RestPath("key_share_holder_group_id") String groupId) {
        UUID vault = Ids.uuid("vault_id", vaultId);
        return groups.get(caller.orgId(), vault, groupId(groupId)).map(g -> Views.group(g, nodes));
    }

    @PUT
    @Path("{key_share_holder_group_id}")
    public Uni<KeyShareHolderGroup> update(@RestPath("vault_id") String vaultId,
                                           @RestPath("key_share_holder_group_id") String groupId,
                                           @Valid @NotNull UpdateKeyShareHolderGroupRequest request) {
        UUID vault = Ids.uuid("vault_id", vaultId);
        return groups.upgradeToMainGroup(caller.orgId(), vault, groupId(groupId), request.originalMainGroupHandling())
                .map(g -> Views.group(g, nodes));
    }

    @POST
    @Path("{key_share_holder_group_id}/delete")
    @Consumes(MediaType.WILDCARD)
    @ResponseStatus(201)
    public Uni<Submitted> delete(@RestPath("vault_id") String vaultId,
                                 @RestPath("key_share_holder_group_id") String groupId) {
        UUID vault = Ids.uuid("vault_id", vaultId);
        return groups.delete(caller.orgId(), vault, groupId(groupId)).replaceWith(new Submitted(true));
    }

    /** Group ids are plain strings on the wire; ours are UUIDs, so anything else names no group. */
    static UUID groupId(String value) {
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // falls through
        }
        throw io.openwaas.platform.api.ApiException.notFound("key share holder group", value);
    }
}
