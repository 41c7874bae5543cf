package io.openwaas.wallet.domain;

import io.openwaas.platform.api.ApiException;
import io.openwaas.platform.api.CursorPaging;
import io.openwaas.platform.api.ErrorCode;
import io.openwaas.platform.api.Page;
import io.openwaas.platform.api.PageRequest;
import io.openwaas.platform.auth.ApiKeyRecord;
import io.openwaas.platform.auth.ApiKeyStatus;
import io.openwaas.platform.auth.CurveType;
import io.openwaas.platform.auth.Scope;
import io.openwaas.platform.events.EventType;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.outbox.Outbox;
import io.openwaas.wallet.persistence.ApiKeyEntity;
import io.openwaas.wallet.persistence.ApiKeyRepository;
import io.openwaas.wallet.persistence.OrganizationRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * API keys: registered by operators for an organisation, revoked by them. Every change is published to the
 * compacted topic {@code iam.api-keys} through the outbox, in the same transaction — that topic is how every
 * service learns which keys are valid.
 */
@ApplicationScoped
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final OrganizationRepository organizations;
    private final Outbox outbox;

    public ApiKeyService(ApiKeyRepository keys, OrganizationRepository organizations, Outbox outbox) {
        this.keys = keys;
        this.organizations = organizations;
        this.outbox = outbox;
    }

    /** A new key for the organisation: a 404 for an unknown organisation, 400 for a bad key, 409 if taken. */
    @WithTransaction
    public Uni<ApiKeyEntity> register(String orgId, String publicKeyHex, CurveType curve, List<Scope> scopes,
                                      String name, String callbackUrl) {
        String apiKey = normalise(publicKeyHex, curve);
        if (scopes.stream().distinct().count() != scopes.size()) {
            throw ApiException.invalid("scopes", "listed twice");
        }
        return organizations.findById(orgId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("organization", orgId))
                .chain(org -> keys.findById(apiKey))
                .chain(existing -> {
                    if (existing != null) {
                        throw new ApiException(ErrorCode.DUPLICATE_KEY, "this public key is already registered");
                    }
                    ApiKeyEntity key = new ApiKeyEntity();
                    key.apiKey = apiKey;
                    key.orgId = orgId;
                    key.name = name == null || name.isBlank() ? apiKey.substring(0, 8) : name.strip();
                    key.curveType = curve;
                    key.scopes = scopes.stream().map(Scope::wireName).collect(Collectors.joining(","));
                    key.status = ApiKeyStatus.ACTIVE;
                    key.callbackUrl = callbackUrl == null || callbackUrl.isBlank() ? null : callbackUrl.strip();
                    key.version = 1;
                    key.createdAt = System.currentTimeMillis();
                    key.updatedAt = key.createdAt;
                    return keys.persist(key).chain(this::publish);
                });
    }

    /** Revokes the key (idempotent). */
    @WithTransaction
    public Uni<ApiKeyEntity> revoke(String orgId, String apiKey) {
        return keys.findById(apiKey.toLowerCase(Locale.ROOT))
                .onItem().ifNull().failWith(() -> ApiException.notFound("api key", apiKey))
                .chain(key -> {
                    if (!key.orgId.equals(orgId)) {
                        throw ApiException.notFound("api key", apiKey);
                    }
                    if (key.status == ApiKeyStatus.REVOKED) {
                        return Uni.createFrom().item(key);
                    }
                    key.status = ApiKeyStatus.REVOKED;
                    key.version++;
                    key.updatedAt = System.currentTimeMillis();
                    return publish(key);
                });
    }

    @WithSession
    public Uni<Page<ApiKeyEntity>> list(String orgId, PageRequest page) {
        return organizations.findById(orgId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("organization", orgId))
                .chain(org -> CursorPaging.page(keys, "orgId = :orgId", Map.of("orgId", orgId), page, k -> k.seq));
    }

    @WithSession
    public Uni<ApiKeyEntity> get(String apiKey) {
        return keys.findById(apiKey).onItem().ifNull().failWith(() -> ApiException.notFound("api key", apiKey));
    }

    public static ApiKeyRecord toRecord(ApiKeyEntity key) {
        return new ApiKeyRecord(key.apiKey, key.orgId, key.name, key.curveType, scopes(key), key.status,
                key.callbackUrl, key.createdAt, key.updatedAt, key.version);
    }

    public static List<Scope> scopes(ApiKeyEntity key) {
        return Arrays.stream(key.scopes.split(",")).map(s -> Scope.valueOf(s.toUpperCase(Locale.ROOT))).toList();
    }

    private Uni<ApiKeyEntity> publish(ApiKeyEntity key) {
        return outbox.append(Topics.IAM_API_KEYS, EventType.API_KEY_UPDATED, key.apiKey, key.orgId, key.version,
                toRecord(key)).replaceWith(key);
    }

    private static String normalise(String publicKeyHex, CurveType curve) {
        String hex = publicKeyHex.strip().toLowerCase(Locale.ROOT);
        byte[] raw;
        try {
            raw = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("public_key", "must be hex");
        }
        if (raw.length != curve.publicKeyLength()) {
            throw ApiException.invalid("public_key", curve + " keys are " + curve.publicKeyLength() + " bytes ("
                    + 2 * curve.publicKeyLength() + " hex characters)");
        }
        if (!curve.isValidPublicKey(raw)) {
            throw ApiException.invalid("public_key", "not a valid " + curve + " public key");
        }
        return hex;
    }
}
