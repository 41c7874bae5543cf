package io.openwaas.wallet.api;

import io.openwaas.platform.auth.CurveType;
import io.openwaas.platform.auth.Scope;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Operator API: {@code POST /admin/organizations/{org_id}/api_keys}.
 *
 * @param publicKey the client's public key, hex: 32 bytes (Ed25519) or 33 bytes compressed (secp256k1)
 * @param curveType ED25519 or SECP256K1
 * @param scopes    read, write, spend
 * @param name      label; defaults to the first 8 characters of the key
 */
public record RegisterApiKeyRequest(
        @NotBlank String publicKey,
        @NotNull CurveType curveType,
        @NotEmpty List<@NotNull Scope> scopes,
        @Size(max = 200) String name,
        @Size(max = 500) String callbackUrl) {
}
