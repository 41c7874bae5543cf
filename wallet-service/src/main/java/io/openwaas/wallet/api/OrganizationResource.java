package io.openwaas.wallet.api;

import io.openwaas.platform.auth.Caller;
import io.openwaas.platform.auth.CallerContext;
import io.openwaas.platform.auth.CoboAuth;
import io.openwaas.platform.auth.Scope;
import io.openwaas.wallet.domain.ApiKeyService;
import io.openwaas.wallet.domain.OrganizationService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Reference §3.1: the caller's organisation and API key. */
@CoboAuth
@Path("/v2")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    private final CallerContext caller;
    private final OrganizationService organizations;
    private final ApiKeyService apiKeys;

    public OrganizationResource(CallerContext caller, OrganizationService organizations, ApiKeyService apiKeys) {
        this.caller = caller;
        this.organizations = organizations;
        this.apiKeys = apiKeys;
    }

    @GET
    @Path("organizations/info")
    public Uni<OrgInfo> info() {
        return organizations.get(caller.orgId()).map(Views::org);
    }

    @GET
    @Path("developers/api_key_info")
    public Uni<ApiKeyInfo> apiKeyInfo() {
        Caller c = caller.get();
        return apiKeys.get(c.apiKey()).map(k -> new ApiKeyInfo(k.name, k.curveType, k.apiKey, k.callbackUrl,
                List.of(), k.createdAt, k.updatedAt, null,
                ApiKeyService.scopes(k).stream()
                        .map(Scope::wireName)
                        .map(role -> new ApiKeyInfo.RoleScope(role, ApiKeyInfo.Scopes.all()))
                        .toList()));
    }
}
