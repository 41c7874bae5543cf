package io.openwaas.wallet.api;

import io.openwaas.platform.api.Ids;
import io.openwaas.platform.api.Page;
import io.openwaas.platform.api.PageRequest;
import io.openwaas.platform.auth.CallerContext;
import io.openwaas.platform.auth.CoboAuth;
import io.openwaas.platform.outbox.OutboxRelay;
import io.openwaas.wallet.domain.TssRequestService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.UUID;

/** Reference §3.4: TSS requests of a vault (key generation and copying keys to another group). */
@CoboAuth
@Path("/v2/wallets/mpc/vaults/{vault_id}/tss_requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TssRequestResource {

    private final CallerContext caller;
    private final TssRequestService requests;
    private final OutboxRelay relay;

    public TssRequestResource(CallerContext caller, TssRequestService requests, OutboxRelay relay) {
        this.caller = caller;
        this.requests = requests;
        this.relay = relay;
    }

    @POST
    @ResponseStatus(201)
    public Uni<TssRequestInfo> create(@RestPath("vault_id") String vaultId, @Valid @NotNull CreateTssRequestRequest request) {
        UUID vault = Ids.uuid("vault_id", vaultId);
        SourceGroup s = request.sourceKeyShareHolderGroup();
        TssRequestService.Source source = s == null ? null
                : new TssRequestService.Source(s.keyShareHolderGroupId(), s.tssNodeIds());
        return requests.create(caller.orgId(), vault, request.type(), request.targetKeyShareHolderGroupId(), source,
                        request.description())
                // committed: the command is in the outbox; have the relay send it now rather than at its next poll
                .invoke(relay::wake)
                .map(Views::tssRequest);
    }

    @GET
    public Uni<Page<TssRequestInfo>> list(@RestPath("vault_id") String vaultId,
                                          @RestQuery("key_share_holder_group_id") String groupId,
                                          @RestQuery String limit, @RestQuery String before, @RestQuery String after) {
        UUID vault = Ids.uuid("vault_id", vaultId);
        PageRequest page = PageRequest.parse(limit, before, after);
        return requests.list(caller.orgId(), vault, groupId, page).map(p -> p.map(Views::tssRequest));
    }

    @GET
    @Path("{tss_request_id}")
    public Uni<TssRequestInfo> get(@RestPath("vault_id") String vaultId, @RestPath("tss_request_id") String requestId) {
        UUID vault = Ids.uuid("vault_id", vaultId);
        return requests.get(caller.orgId(), vault, requestId).map(Views::tssRequest);
    }

    @POST
    @Path("{tss_request_id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @ResponseStatus(201)
    public Uni<TssRequestInfo> cancel(@RestPath("vault_id") String vaultId, @RestPath("tss_request_id") String requestId) {
        UUID vault = Ids.uuid("vault_id", vaultId);
        return requests.cancel(caller.orgId(), vault, requestId).map(Views::tssRequest);
    }
}
