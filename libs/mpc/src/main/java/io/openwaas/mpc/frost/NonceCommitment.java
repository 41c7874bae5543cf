package io.openwaas.mpc.frost;

import io.openwaas.crypto.ec.EcPoint;
import java.util.Objects;

/**
 * A signer's public nonce commitment pair: RFC 9591 {@code (hiding_nonce_commitment, binding_nonce_commitment)}
 * ({@code D_i, E_i}); in BIP 445 terms the public nonce {@code (R1_i, R2_i)}.
 */
public record NonceCommitment(EcPoint hiding, EcPoint binding) {

    public NonceCommitment {
        Objects.requireNonNull(hiding, "hiding");
        Objects.requireNonNull(binding, "binding");
    }
}
