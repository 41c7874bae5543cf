package io.openwaas.wallet;

import io.openwaas.platform.auth.CoboAuth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Test-only resources that forgot their access decision (no {@link CoboAuth}, no {@code @RolesAllowed}): under
 * {@code /v2}, under {@code /admin} and elsewhere. Each must be closed to everyone, signed or not.
 */
public final class UndecidedProbeResource {

    static final String V2 = "/v2/probe/undecided";
    static final String ADMIN = "/admin/probe/undecided";
    static final String OTHER = "/probe/undecided";

    private UndecidedProbeResource() {
    }

    @Path(V2)
    @Produces(MediaType.APPLICATION_JSON)
    public static class UnderV2 {

        @GET
        public String undecided() {
            return "{\"open\":true}";
        }

        @GET
        @Path("decided")
        @CoboAuth
        public String decided() {
            return "{\"open\":false}";
        }
    }

    @Path(ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    public static class UnderAdmin {

        @GET
        public String undecided() {
            return "{\"open\":true}";
        }
    }

    @Path(OTHER)
    @Produces(MediaType.APPLICATION_JSON)
    public static class Elsewhere {

        @GET
        public String undecided() {
            return "{\"open\":true}";
        }
    }
}
