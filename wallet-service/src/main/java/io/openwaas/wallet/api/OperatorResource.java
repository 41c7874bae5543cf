package io.openwaas.wallet.api;

import io.openwaas.platform.api.Page;
import io.openwaas.platform.api.PageRequest;
import io.openwaas.wallet.domain.ApiKeyService;
import io.openwaas.wallet.domain.OrganizationService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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

/**
 * The operator API: organisations and their API keys. Authenticated by an RS256 JWT signed with the operator key
 * (group {@code operator}), not by Cobo Auth.
 */
@Path("/admin/organizations")
@RolesAllowed("operator")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OperatorResource {

    private final OrganizationService organizations;
    private final ApiKeyService apiKeys;

    public OperatorResource(OrganizationService organizations, ApiKeyService apiKeys) {
        this.organizations = organizations;
        this.apiKeys = apiKeys;
    }

    @POST
    @ResponseStatus(201)
    public Uni<OrgInfo> createOrganization(@Valid @NotNull CreateOrganizationRequest request) {
        return organizations.create(request.name()).map(Views::org);
    }

    @POST
    @Path("{org_id}/api_keys")
    @ResponseStatus(201)
    public Uni<ApiKeyView> registerApiKey(@RestPath("org_id") String orgId,
                                          @Valid @NotNull RegisterApiKeyRequest request) {
        return apiKeys.register(orgId, request.publicKey(), request.curveType(), request.scopes(), request.name(),
                request.callbackUrl()).map(Views::apiKey);
    }

    @GET
    @Path("{org_id}/api_keys")
    public Uni<Page<ApiKeyView>> listApiKeys(@RestPath("org_id") String orgId, @RestQuery String limit,
                                             @RestQuery String before, @RestQuery String after) {
        PageRequest page = PageRequest.parse(limit, before, after);
        return apiKeys.list(orgId, page).map(p -> p.map(Views::apiKey));
    }

    @POST
    @Path("{org_id}/api_keys/{api_key}/revoke")
    @Consumes(MediaType.WILDCARD)
    @ResponseStatus(201)
    public Uni<ApiKeyView> revokeApiKey(@RestPath("org_id") String orgId, @RestPath("api_key") String apiKey) {
        return apiKeys.revoke(orgId, apiKey).map(Views::apiKey);
    }
}
