package io.openwaas.tsscallback.server.api;

import io.openwaas.tsscallback.server.domain.Decision;
import io.openwaas.tsscallback.server.domain.DecisionLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;

/**
 * {@code GET /v1/decisions?limit=N}: the most recent decisions, newest first, for operators and tests. They carry
 * request ids, types, actions and reasons — no key material — but this endpoint is meant for the operator's network,
 * not for the TSS node's.
 */
@RolesAllowed("operator")
@Path("/v1/decisions")
public class DecisionsResource {

    private static final int DEFAULT_LIMIT = 100;

    private final DecisionLog log;

    public DecisionsResource(DecisionLog log) {
        this.log = log;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Decision> recent(@RestQuery String limit) {
        int n = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                n = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1) {
                throw new BadRequestException("limit must be a positive integer");
            }
        }
        return log.recent(Math.min(n, log.capacity()));
    }
}
