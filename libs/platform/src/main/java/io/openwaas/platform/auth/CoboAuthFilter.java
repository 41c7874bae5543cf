package io.openwaas.platform.auth;

import io.openwaas.platform.api.ErrorCode;
import io.openwaas.platform.api.ErrorMappers;
import io.openwaas.platform.api.ErrorResponse;
import io.openwaas.platform.config.AuthConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The access gate of every JAX-RS resource of a service, deny by default. It decides on the normalised path the
 * router matches ({@link RoutingContext#normalizedPath()}: dot segments removed, double slashes collapsed,
 * unreserved escapes decoded), never on the raw spelling, so {@code //v2/…}, {@code /%762/…} or {@code /v2/./…}
 * cannot reach a resource past it:
 * <ul>
 *   <li>under an operator path ({@code /admin}): the resource must be {@code @RolesAllowed} (the operator JWT, checked
 *   by Quarkus security);</li>
 *   <li>anywhere else: the resource must be {@link CoboAuth}, and the request passes Cobo Auth (reference §1):
 *   headers present, key known and active, signature over {@code METHOD|PATH|NONCE|QUERY|BODY} valid (trying the
 *   encodings the SDKs produce), nonce within the window and not used before by this key, scope sufficient;</li>
 *   <li>a resource without its decision (or with the wrong one for its path) is refused to everyone (403).</li>
 * </ul>
 * The body is read without blocking the event loop for every method, content type and framing ({@link #readBody}),
 * and the same bytes go on to the resource: the signature covers exactly what the resource reads. Every
 * refusal is a 401 (403 for scope or a missing decision) with the error envelope, and nothing after the filter runs.
 * Health and metrics are Vert.x routes, not resources: they never reach this filter.
 */
public class CoboAuthFilter {

    public static final String API_KEY_HEADER = "BIZ-API-KEY";
    public static final String NONCE_HEADER = "BIZ-API-NONCE";
    public static final String SIGNATURE_HEADER = "BIZ-API-SIGNATURE";

    private static final Logger LOG = Logger.getLogger(CoboAuthFilter.class);

    private final ApiKeyRegistry registry;
    private final NonceStore nonces;
    private final AuthConfig config;
    private final CallerContext callerContext;

    public CoboAuthFilter(ApiKeyRegistry registry, NonceStore nonces, AuthConfig config, CallerContext callerContext) {
        this.registry = registry;
        this.nonces = nonces;
        this.config = config;
        this.callerContext = callerContext;
    }

    /** What a resource method declares about who may call it. */
    enum Decision {
        COBO_AUTH, OPERATOR, NONE
    }

    @ServerRequestFilter(readBody = true, priority = Priorities.AUTHENTICATION)
    public Uni<Response> authenticate(ContainerRequestContext ctx, RoutingContext routing, ResourceInfo resource) {
        String normalised = routing.normalizedPath();
        boolean operatorPath = isOperatorPath(normalised, config.operatorPaths());
        Decision decision = decision(resource);
        if (operatorPath && decision == Decision.OPERATOR) {
            return Uni.createFrom().nullItem();
        }
        if (operatorPath || decision != Decision.COBO_AUTH) {
            LOG.errorf("refused %s %s: resource %s has no access decision for this path (@CoboAuth outside %s, "
                    + "@RolesAllowed under it)", routing.request().method(), normalised, describe(resource),
                    config.operatorPaths());
            return Uni.createFrom().item(ErrorMappers.respond(403, ErrorResponse.of(ErrorCode.FORBIDDEN,
                    "this endpoint is closed")));
        }
        return verify(ctx, routing, resource);
    }

    private Uni<Response> verify(ContainerRequestContext ctx, RoutingContext routing, ResourceInfo resource) {
        HttpServerRequest request = routing.request();
        String apiKey = request.getHeader(API_KEY_HEADER);
        String nonce = request.getHeader(NONCE_HEADER);
        String signature = request.getHeader(SIGNATURE_HEADER);
        List<String> missing = new ArrayList<>();
        if (blank(apiKey)) {
            missing.add(API_KEY_HEADER);
        }
        if (blank(nonce)) {
            missing.add(NONCE_HEADER);
        }
        if (blank(signature)) {
            missing.add(SIGNATURE_HEADER);
        }
        if (!missing.isEmpty()) {
            return refuse(ErrorCode.MISSING_AUTH_HEADERS, "missing required headers: " + String.join(", ", missing));
        }
        Optional<ApiKeyRecord> found = registry.find(apiKey.trim().toLowerCase(Locale.ROOT));
        if (found.isEmpty() || !found.get().active()) {
            return refuse(ErrorCode.API_KEY_AUTH_FAILED, "API key authentication failed: unknown or inactive key");
        }
        ApiKeyRecord key = found.get();
        byte[] signatureBytes;
        byte[] publicKey;
        try {
            signatureBytes = HexFormat.of().parseHex(signature.trim());
            publicKey = HexFormat.of().parseHex(key.apiKey());
        } catch (IllegalArgumentException e) {
            return refuse(ErrorCode.INVALID_SIGNATURE, "API signature invalid: not hex");
        }
        return readBody(ctx, request, resource).onItemOrFailure().transformToUni((body, failure) -> failure != null
                ? refuse(ErrorCode.INVALID_SIGNATURE, "API signature invalid: request body unreadable")
                : checkSigned(request, resource, key, publicKey, signatureBytes, nonce, body));
    }

    private Uni<Response> checkSigned(HttpServerRequest request, ResourceInfo resource, ApiKeyRecord key,
                                      byte[] publicKey, byte[] signatureBytes, String nonce, String body) {
        // The signed path is the one the client sent (what the SDKs sign), not the normalised one.
        if (!verifies(key.curveType(), publicKey, signatureBytes, request.method().name(), request.path(), nonce,
                request.query(), body)) {
            return refuse(ErrorCode.INVALID_SIGNATURE, "API signature verification failed");
        }
        long nonceMillis;
        try {
            nonceMillis = Long.parseLong(nonce.trim());
        } catch (NumberFormatException e) {
            return refuse(ErrorCode.INVALID_SIGNATURE, "API nonce must be the current time in milliseconds");
        }
        long now = System.currentTimeMillis();
        long window = config.nonceWindow().toMillis();
        if (Math.abs(now - nonceMillis) > window) {
            return refuse(ErrorCode.INVALID_SIGNATURE, "API nonce is more than " + window / 60000
                    + " minutes away from server time");
        }
        Scope needed = requiredScope(request.method().name(), resource);
        if (!key.scopes().contains(needed)) {
            return Uni.createFrom().item(ErrorMappers.respond(403, ErrorResponse.of(ErrorCode.FORBIDDEN,
                    "API key lacks the '" + needed.wireName() + "' scope")));
        }
        return nonces.claim(key.apiKey(), nonce.trim(), nonceMillis + window).map(fresh -> {
            if (!fresh) {
                return ErrorMappers.respond(401, ErrorResponse.of(ErrorCode.INVALID_SIGNATURE,
                        "API nonce already used (replayed request)"));
            }
            callerContext.set(Caller.of(key));
            return null;
        });
    }

    /** Whether the normalised path is one of the operator paths or below one (on a segment boundary). */
    static boolean isOperatorPath(String normalisedPath, List<String> operatorPaths) {
        for (String p : operatorPaths) {
            String prefix = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
            if (normalisedPath.equals(prefix) || normalisedPath.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    /** The resource method's decision; the method's annotations take precedence over its class's. */
    static Decision decision(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return Decision.NONE;
        }
        Method method = resource.getResourceMethod();
        Decision onMethod = decision(method.isAnnotationPresent(CoboAuth.class),
                method.isAnnotationPresent(RolesAllowed.class));
        if (onMethod != Decision.NONE) {
            return onMethod;
        }
        Class<?> type = resource.getResourceClass();
        return decision(type.isAnnotationPresent(CoboAuth.class), type.isAnnotationPresent(RolesAllowed.class));
    }

    private static Decision decision(boolean coboAuth, boolean rolesAllowed) {
        if (coboAuth && rolesAllowed) {
            return Decision.NONE; // two contradicting decisions are none
        }
        return coboAuth ? Decision.COBO_AUTH : rolesAllowed ? Decision.OPERATOR : Decision.NONE;
    }

    static boolean verifies(CurveType curve, byte[] publicKey, byte[] signature, String method, String path,
                            String nonce, String rawQuery, String body) {
        Set<String> paths = CoboAuthMessage.pathCandidates(path);
        Set<String> queries = CoboAuthMessage.queryCandidates(rawQuery);
        List<String> bodies = "{}".equals(body.trim()) ? List.of(body, "") : List.of(body);
        for (String p : paths) {
            for (String q : queries) {
                for (String b : bodies) {
                    byte[] digest = CoboAuthMessage.digest(CoboAuthMessage.stringToSign(method, p, nonce, q, b));
                    if (curve.verify(publicKey, digest, signature)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static Scope requiredScope(String method, ResourceInfo resource) {
        if (resource != null && resource.getResourceMethod() != null) {
            RequiresScope onMethod = resource.getResourceMethod().getAnnotation(RequiresScope.class);
            if (onMethod != null) {
                return onMethod.value();
            }
            RequiresScope onClass = resource.getResourceClass().getAnnotation(RequiresScope.class);
            if (onClass != null) {
                return onClass.value();
            }
        }
        return "GET".equals(method) || "HEAD".equals(method) ? Scope.READ : Scope.WRITE;
    }

    /**
     * The body the resource will read, never blocking the event loop. With {@code readBody} RESTEasy has read it into
     * memory before this filter when the resource method takes a body (a large one, or a blocking method, moves the
     * request to a worker thread first, where reading is allowed). A resource method that takes none leaves the
     * request unread, so its body (a client may still send one, e.g. {@code {}} to {@code …/delete}) is read here
     * asynchronously ({@link HttpServerRequest#body()}) and handed on as the entity stream. GET and HEAD sign an
     * empty body, whatever {@code Content-Type}, {@code Content-Length} or chunked framing the request carries.
     */
    private static Uni<String> readBody(ContainerRequestContext ctx, HttpServerRequest request, ResourceInfo resource) {
        String method = request.method().name();
        if ("GET".equals(method) || "HEAD".equals(method) || !ctx.hasEntity()) {
            return Uni.createFrom().item("");
        }
        if (!takesBody(resource) && !request.isEnded()) {
            var body = request.body(); // the request is paused until something reads it
            request.resume();
            return Uni.createFrom().completionStage(body.toCompletionStage()).map(b -> {
                byte[] bytes = b.getBytes();
                ctx.setEntityStream(new ByteArrayInputStream(bytes));
                return new String(bytes, StandardCharsets.UTF_8);
            });
        }
        try {
            byte[] bytes = ctx.getEntityStream().readAllBytes();
            ctx.setEntityStream(new ByteArrayInputStream(bytes));
            return Uni.createFrom().item(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Uni.createFrom().failure(e);
        }
    }

    /** Whether the resource method has an entity parameter: one without a JAX-RS or RESTEasy annotation. */
    static boolean takesBody(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return true;
        }
        for (java.lang.annotation.Annotation[] annotations : resource.getResourceMethod().getParameterAnnotations()) {
            boolean bound = false;
            for (java.lang.annotation.Annotation a : annotations) {
                String pkg = a.annotationType().getPackageName();
                bound |= pkg.startsWith("jakarta.ws.rs") || pkg.startsWith("org.jboss.resteasy.reactive");
            }
            if (!bound) {
                return true;
            }
        }
        return false;
    }

    private static String describe(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return "(unknown)";
        }
        return resource.getResourceClass().getSimpleName() + "#" + resource.getResourceMethod().getName();
    }

    private static Uni<Response> refuse(ErrorCode code, String message) {
        return Uni.createFrom().item(ErrorMappers.respond(401, ErrorResponse.of(code, message)));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
