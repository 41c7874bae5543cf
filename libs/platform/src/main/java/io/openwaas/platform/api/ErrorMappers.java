package io.openwaas.platform.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.openwaas.platform.json.JsonNames;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hibernate.HibernateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * Turns every failure into the {@link ErrorResponse} envelope with the right status. Client mistakes are 4xx with a
 * message that names the field; nothing ever shows a class name or stack trace. Unexpected failures are logged with
 * their error id and answered 500 with only that id.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        return respond(e.httpStatus(), ErrorResponse.of(e.code(), e.getMessage()));
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, ValueInstantiationException.class,
            com.fasterxml.jackson.databind.exc.InvalidTypeIdException.class,
            com.fasterxml.jackson.databind.exc.InvalidNullException.class,
            com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException.class,
            com.fasterxml.jackson.databind.exc.InvalidDefinitionException.class})
    public Response json(JsonProcessingException e) {
        if (e instanceof ValueInstantiationException vie && vie.getCause() instanceof ApiException api) {
            return apiException(api);
        }
        return respond(400, ErrorResponse.of(ErrorCode.INVALID_PARAMETER, describe(e)));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        String message = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(ErrorMappers::describe)
                .collect(Collectors.joining("; "));
        return respond(400, ErrorResponse.of(ErrorCode.INVALID_PARAMETER, message));
    }

    /**
     * A database constraint a request ran into, e.g. two concurrent registrations of one API key (the second insert
     * hits the primary key) or two concurrent Main Groups of one vault (a unique index): the client's conflict, not a
     * server failure. Unique violations are 409 (2040), other integrity violations (not null, check, foreign key,
     * value too long) 400; the message names neither table nor constraint. Anything else is unexpected.
     */
    @ServerExceptionMapper({PersistenceException.class, HibernateException.class, PgException.class})
    public Response persistence(RuntimeException e) {
        String state = sqlState(e);
        if (state == null) {
            return unexpected(e);
        }
        if (state.equals("23505")) {
            return respond(409, ErrorResponse.of(ErrorCode.DUPLICATE_KEY,
                    "conflicts with an existing resource (a concurrent request may have created it)"));
        }
        if (state.startsWith("23") || state.equals("22001")) {
            return respond(400, ErrorResponse.of(ErrorCode.INVALID_PARAMETER,
                    "request violates a data constraint"));
        }
        return unexpected(e);
    }

    /** The SQLSTATE of the first database error in the cause chain, if any. */
    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null) {
                return pg.getSqlState();
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve && cve.getSQLState() != null) {
                return cve.getSQLState();
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return respond(404, ErrorResponse.of(ErrorCode.NOT_IMPLEMENTED, "no such endpoint"));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return respond(405, ErrorResponse.of(ErrorCode.METHOD_NOT_ALLOWED, "method not allowed"));
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e) {
        return respond(415, ErrorResponse.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "request body must be application/json"));
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return respond(406, ErrorResponse.of(ErrorCode.NOT_ACCEPTABLE, "responses are application/json"));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(Exception e) {
        return respond(401, ErrorResponse.of(ErrorCode.API_KEY_AUTH_FAILED, "authentication required"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, ErrorResponse.of(ErrorCode.FORBIDDEN, "not permitted"));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return json(jpe);
        }
        if (e.getCause() instanceof ApiException api) {
            return apiException(api);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String reason = Response.Status.fromStatusCode(status) == null
                ? "request rejected" : Response.Status.fromStatusCode(status).getReasonPhrase().toLowerCase();
        return respond(status, new ErrorResponse(ErrorCode.INVALID_PARAMETER.code(), reason, ErrorResponse.newErrorId()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        ErrorResponse body = ErrorResponse.of(ErrorCode.INTERNAL, "internal error");
        LOG.errorf(e, "unexpected failure, error_id=%s", body.errorId());
        return respond(500, body);
    }

    public static Response respond(int status, ErrorResponse body) {
        if (status >= 400 && status < 500) {
            LOG.debugf("client error %d code=%d error_id=%s: %s", status, body.errorCode(), body.errorId(),
                    body.errorMessage());
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** A client-facing description of a JSON problem: the field path and what was wrong, no class names. */
    static String describe(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return "malformed JSON body";
        }
        if (e instanceof JsonMappingException jme) {
            String field = jme.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (e instanceof InvalidFormatException ife) {
                Class<?> target = ife.getTargetType();
                if (target != null && target.isEnum()) {
                    String allowed = String.join(", ", JsonNames.all(target));
                    return "invalid value '" + ife.getValue() + "' for " + field + " (allowed: " + allowed + ")";
                }
                return "invalid value '" + ife.getValue() + "' for " + field;
            }
            if (e instanceof MismatchedInputException) {
                if (field.isEmpty()) {
                    return "request body must be a JSON object";
                }
                return "wrong type or value for " + field;
            }
            return field.isEmpty() ? "invalid JSON body" : "invalid value for " + field;
        }
        return "malformed JSON body";
    }

    private static String describe(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        return "invalid " + toSnake(field) + ": " + v.getMessage();
    }

    private static String toSnake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
