package io.openwaas.wallet.api;

import io.openwaas.platform.api.ApiException;
import io.openwaas.platform.api.Ids;
import io.openwaas.platform.api.Page;
import io.openwaas.platform.api.PageRequest;
import io.openwaas.platform.auth.CallerContext;
import io.openwaas.platform.auth.CoboAuth;
import io.openwaas.wallet.domain.MpcVaultType;
import io.openwaas.wallet.domain.VaultService;
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

/** Reference §3.4: MPC vaults. */
@CoboAuth
@Path("/v2/wallets/mpc/vaults")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VaultResource {

    private final CallerContext caller;
    private final VaultService vaults;

    public VaultResource(CallerContext caller, VaultService vaults) {
        this.caller = caller;
        this.vaults = vaults;
    }

    @POST
    @ResponseStatus(201)
    public Uni<MpcVault> create(@Valid @NotNull CreateMpcVaultRequest request) {
        return vaults.create(caller.orgId(), request.name(), request.vaultType(), request.projectId()).map(Views::vault);
    }

    @GET
    public Uni<Page<MpcVault>> list(@RestQuery("vault_type") String vaultType, @RestQuery("project_id") String projectId,
                                    @RestQuery String limit, @RestQuery String before, @RestQuery String after) {
        if (vaultType == null || vaultType.isEmpty()) {
            throw ApiException.missing("vault_type");
        }
        MpcVaultType type = WireEnum.parse(MpcVaultType.class, "vault_type", vaultType);
        Ids.optionalUuid("project_id", projectId);
        PageRequest page = PageRequest.parse(limit, before, after);
        return vaults.list(caller.orgId(), type, projectId, page).map(p -> p.map(Views::vault));
    }

    @GET
    @Path("{vault_id}")
    public Uni<MpcVault> get(@RestPath("vault_id") String vaultId) {
        return vaults.get(caller.orgId(), Ids.uuid("vault_id", vaultId)).map(Views::vault);
    }

    @PUT
    @Path("{vault_id}")
    public Uni<MpcVault> update(@RestPath("vault_id") String vaultId, @Valid @NotNull UpdateMpcVaultRequest request) {
        return vaults.rename(caller.orgId(), Ids.uuid("vault_id", vaultId), request.name()).map(Views::vault);
    }
}
