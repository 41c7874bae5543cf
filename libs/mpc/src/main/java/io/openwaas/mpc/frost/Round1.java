package io.openwaas.mpc.frost;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.SecretScalar;
import io.openwaas.mpc.dkg.GroupKey;
import io.openwaas.mpc.dkg.KeyShare;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * FROST round 1, commitment (RFC 9591 §5.1 {@code commit}; draft BIP 445 {@code NonceGen}).
 *
 * <p>The signer draws two fresh nonces — RFC 9591: {@code H3(32 random bytes ‖ SerializeScalar(s_i))} each (§4.1,
 * randomised, threat line 13); BIP 445: {@code NonceGen} with 32 random bytes, the secret share, the public share,
 * the tweaked x-only key, the message and the session id as {@code extra_in} — and broadcasts their commitments.
 * The nonces stay in the returned {@link Round2} object only: they have no encoding, are never persisted, and are
 * zeroed when round 2 signs (threat line 12).
 */
public final class Round1 {

    private Round1() {
    }

    /** The broadcast to send to every other signer and the aggregator, and the next round. */
    public record Output(CommitmentMessage broadcast, Round2 next) {
    }

    public static Output commit(KeyShare share, SigningRequest request) {
        return commit(share, request, new SecureRandom());
    }

    /**
     * @throws IllegalArgumentException if the share does not fit the request (group, membership, quorum size)
     */
    public static Output commit(KeyShare share, SigningRequest request, SecureRandom rnd) {
        GroupKey key = share.groupKey();
        EcGroup g = request.scheme().group();
        if (key.group() != g) {
            throw new IllegalArgumentException("key share of another group");
        }
        if (!request.signers().contains(share.self())) {
            throw new IllegalArgumentException("this party is not a signer of the request");
        }
        if (!key.parties().containsAll(request.signers())) {
            throw new IllegalArgumentException("a signer is not a holder of this key");
        }
        if (request.signers().size() < key.threshold()) {
            throw new IllegalArgumentException("fewer signers than the threshold");
        }
        BigInteger q = g.order();
        SecretScalar hiding;
        SecretScalar binding;
        if (request.scheme() == FrostScheme.BIP340) {
            byte[] rand = new byte[32];
            rnd.nextBytes(rand);
            byte[] sk = share.secretShare().toBytes();
            byte[] qx = Bip445.tweak((io.openwaas.crypto.ec.Secp256k1Point) key.publicKey(), request.tweakBytes(),
                    request.tweakFlags()).q().xOnly();
            Bip445.Nonce n = Bip445.nonceGenSecret(rand, sk, key.verificationShare(share.self()).encode(), qx,
                    request.message(), request.session().toBytes());
            Arrays.fill(sk, (byte) 0);
            Arrays.fill(rand, (byte) 0);
            hiding = SecretScalar.of(n.k1(), q);
            binding = SecretScalar.of(n.k2(), q);
        } else {
            Ciphersuite cs = request.scheme().ciphersuite();
            byte[] r1 = new byte[32];
            byte[] r2 = new byte[32];
            rnd.nextBytes(r1);
            rnd.nextBytes(r2);
            BigInteger s = share.secretShare().value();
            hiding = SecretScalar.of(Rfc9591.nonceGenerate(cs, r1, s), q);
            binding = SecretScalar.of(Rfc9591.nonceGenerate(cs, r2, s), q);
            Arrays.fill(r1, (byte) 0);
            Arrays.fill(r2, (byte) 0);
        }
        NonceCommitment c = new NonceCommitment(g.mulBase(hiding.value()), g.mulBase(binding.value()));
        byte[] digest = request.digest(key);
        CommitmentMessage msg = new CommitmentMessage(
                MessageHeader.broadcast(CommitmentMessage.PROTOCOL, 1, request.session(), share.self()),
                key.keyId(), digest, c);
        return new Output(msg, new Round2(share, request, digest, msg, hiding, binding));
    }
}
