package io.openwaas.tsscallback.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.UUID;

/**
 * Every error of the server's JSON endpoints ({@code /v1/decisions}) in the platform's envelope
 * {@code {"error_code","error_message","error_id"}} with the Cobo codes the platform uses (2006 invalid parameter,
 * 2021 no such endpoint, 2022 not authenticated, 2025 forbidden, 1000 internal). {@code /v1/check} never gets here:
 * it answers every failure inside its signed response. This server does not depend on libs/platform (no database,
 * no Kafka), hence its own small copy of the envelope.
 */
public class ErrorEnvelopeMappers {

    private static final Logger LOG = Logger.getLogger(ErrorEnvelopeMappers.class);

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return envelope(401, 2022, "operator token required");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return envelope(403, 2025, "not permitted");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        return switch (status) {
            case 404 -> envelope(404, 2021, "no such endpoint");
            case 405 -> envelope(405, 2002, "method not allowed");
            case 401 -> envelope(401, 2022, "operator token required");
            case 403 -> envelope(403, 2025, "not permitted");
            default -> envelope(status, 2006, e.getMessage() == null ? "request rejected" : e.getMessage());
        };
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        Envelope body = Envelope.of(1000, "internal error");
        LOG.errorf(e, "unexpected failure, error_id=%s", body.errorId());
        return Response.status(500).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    static Response envelope(int status, int code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Envelope.of(code, message)).build();
    }

    /** The error envelope. */
    public record Envelope(@JsonProperty("error_code") int errorCode, @JsonProperty("error_message") String errorMessage,
                           @JsonProperty("error_id") String errorId) {

        static Envelope of(int code, String message) {
            return new Envelope(code, message, UUID.randomUUID().toString().replace("-", ""));
        }
    }
}
