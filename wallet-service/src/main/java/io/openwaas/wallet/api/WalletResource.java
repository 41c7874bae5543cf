package io.openwaas.wallet.api;

import io.openwaas.platform.api.Ids;
import io.openwaas.platform.api.Page;
import io.openwaas.platform.api.PageRequest;
import io.openwaas.platform.auth.CallerContext;
import io.openwaas.platform.auth.CoboAuth;
import io.openwaas.wallet.domain.WalletFilter;
import io.openwaas.wallet.domain.WalletService;
import io.openwaas.wallet.domain.WalletSubtype;
import io.openwaas.wallet.domain.WalletType;
import io.openwaas.platform.json.WireEnum;
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

/** Reference §3.3: wallets. */
@CoboAuth
@Path("/v2/wallets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WalletResource {

    private final CallerContext caller;
    private final WalletService wallets;

    public WalletResource(CallerContext caller, WalletService wallets) {
        this.caller = caller;
        this.wallets = wallets;
    }

    @POST
    @ResponseStatus(201)
    public Uni<WalletInfo> create(@Valid @NotNull CreateWalletParams params) {
        return wallets.create(caller.orgId(), params.name(), params.walletType(), params.walletSubtype(),
                params.vaultId(), params.enableAutoSweep()).map(Views::wallet);
    }

    @GET
    public Uni<Page<WalletInfo>> list(@RestQuery("wallet_type") String walletType,
                                      @RestQuery("wallet_subtype") String walletSubtype,
                                      @RestQuery("project_id") String projectId,
                                      @RestQuery("vault_id") String vaultId,
                                      @RestQuery String limit, @RestQuery String before, @RestQuery String after) {
        WalletFilter filter = new WalletFilter(
                WireEnum.parseOptional(WalletType.class, "wallet_type", walletType),
                WireEnum.parseOptional(WalletSubtype.class, "wallet_subtype", walletSubtype),
                Ids.optionalUuid("project_id", projectId),
                Ids.optionalUuid("vault_id", vaultId));
        PageRequest page = PageRequest.parse(limit, before, after);
        return wallets.list(caller.orgId(), filter, page).map(p -> p.map(Views::wallet));
    }

    @GET
    @Path("{wallet_id}")
    public Uni<WalletInfo> get(@RestPath("wallet_id") String walletId) {
        return wallets.get(caller.orgId(), Ids.uuid("wallet_id", walletId)).map(Views::wallet);
    }

    @PUT
    @Path("{wallet_id}")
    public Uni<WalletInfo> update(@RestPath("wallet_id") String walletId, @Valid @NotNull UpdateWalletParams params) {
        return wallets.update(caller.orgId(), Ids.uuid("wallet_id", walletId), params.walletType(), params.name(),
                params.enableAutoSweep()).map(Views::wallet);
    }

    @POST
    @Path("{wallet_id}/delete")
    @Consumes(MediaType.WILDCARD)
    @ResponseStatus(201)
    public Uni<Submitted> delete(@RestPath("wallet_id") String walletId) {
        return wallets.delete(caller.orgId(), Ids.uuid("wallet_id", walletId)).replaceWith(new Submitted(true));
    }
}
