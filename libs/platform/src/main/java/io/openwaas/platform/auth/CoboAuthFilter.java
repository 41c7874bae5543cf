package io.openwaas.platform.auth;

import io.openwaas.platform.api.ErrorCode;
import io.openwaas.platform.api.ErrorMappers;
import io.openwaas.platform.api.ErrorResponse;
import io.openwaas.platform.config.AuthConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Cobo Auth request verification (reference §1): headers present, key known and active, signature over
 * {@code METHOD|PATH|NONCE|QUERY|BODY} valid (trying the encodings the SDKs produce), nonce within the window and
 * not used before by this key, scope sufficient. Runs after the body is read so the signature covers the exact
 * bytes; the body is put back for the resource. Every refusal is a 401 (403 for scope) with the error envelope, and
 * nothing after the filter runs.
 */
public class CoboAuthFilter {

    public static final String API_KEY_HEADER = "BIZ-API-KEY";
    public static final String NONCE_HEADER = "BIZ-API-NONCE";
    public static final String SIGNATURE_HEADER = "BIZ-API-SIGNATURE";

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

    @ServerRequestFilter(readBody = true, priority = Priorities.AUTHENTICATION)
    public Uni<Response> authenticate(ContainerRequestContext ctx, HttpServerRequest request, ResourceInfo resource) {
        String path = request.path();
        if (config.protectedPaths().stream().noneMatch(path::startsWith)) {
            return Uni.createFrom().nullItem();
        }
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
        Optional<ApiKeyRecord> found = registry.find(apiKey.trim().toLowerCase(java.util.Locale.ROOT));
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
        String body;
        try {
            body = readBody(ctx);
        } catch (IOException e) {
            return refuse(ErrorCode.INVALID_SIGNATURE, "API signature invalid: request body unreadable");
        }
        if (!verifies(key.curveType(), publicKey, signatureBytes, request.method().name(), path, nonce,
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

    private static String readBody(ContainerRequestContext ctx) throws IOException {
        if (!ctx.hasEntity()) {
            return "";
        }
        InputStream in = ctx.getEntityStream();
        byte[] bytes = in.readAllBytes();
        ctx.setEntityStream(new ByteArrayInputStream(bytes));
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Uni<Response> refuse(ErrorCode code, String message) {
        return Uni.createFrom().item(ErrorMappers.respond(401, ErrorResponse.of(code, message)));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
