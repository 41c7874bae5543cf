package io.openwaas.mpc.frost;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.crypto.ec.Secp256k1Point;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.dkg.GroupKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * Internal: the values every signer and the aggregator derive from the request and the full, echo-checked
 * commitment list — RFC 9591 binding factors over the encoded list (§4.4), group commitment and challenge; or the
 * BIP 445 nonce coefficient over the sorted ids and the aggregate nonce, with its even-Y rules.
 */
final class SigningSession {

    final SigningRequest request;
    final GroupKey key;
    final SortedMap<PartyId, NonceCommitment> commitments;
    final Rfc9591.SessionValues rfc;
    final Bip445.SessionValues bip;
    final Bip445.SignersContext bipContext;

    SigningSession(GroupKey key, SigningRequest request, SortedMap<PartyId, NonceCommitment> commitments) {
        this.key = key;
        this.request = request;
        this.commitments = commitments;
        if (request.scheme() == FrostScheme.BIP340) {
            this.bipContext = bipContext(key, request.signers());
            List<Secp256k1Point> r1s = new ArrayList<>();
            List<Secp256k1Point> r2s = new ArrayList<>();
            commitments.values().forEach(c -> {
                r1s.add((Secp256k1Point) c.hiding());
                r2s.add((Secp256k1Point) c.binding());
            });
            Object[] agg = Bip445.nonceAggPoints(r1s, r2s);
            Bip445.TweakContext tc = Bip445.tweak((Secp256k1Point) key.publicKey(), request.tweakBytes(),
                    request.tweakFlags());
            this.bip = Bip445.sessionValuesFromPoints((byte[]) agg[0], (Secp256k1Point) agg[1],
                    (Secp256k1Point) agg[2], bipContext, tc, request.message());
            this.rfc = null;
        } else {
            this.rfc = Rfc9591.session(request.scheme().ciphersuite(), request.tweakedKey(key), commitments,
                    request.message());
            this.bip = null;
            this.bipContext = null;
        }
    }

    static byte[] pubnonce(NonceCommitment c) {
        return io.openwaas.mpc.common.Bytes.concat(c.hiding().encode(), c.binding().encode());
    }

    static long bipId(PartyId p) {
        return p.value().longValueExact() - 1;
    }

    /**
     * The BIP 445 signers context of a sharing. {@code n} is the larger of the holder count and the largest id + 1:
     * holder ids need not be {@code 1..n} after a reshare, and the draft uses {@code n} only to bound ids.
     */
    static Bip445.SignersContext bipContext(GroupKey key, List<PartyId> signers) {
        List<Long> ids = new ArrayList<>();
        List<byte[]> pubshares = new ArrayList<>();
        long max = 0;
        for (PartyId p : signers) {
            ids.add(bipId(p));
            max = Math.max(max, bipId(p));
            pubshares.add(key.verificationShare(p).encode());
        }
        int n = (int) Math.max(key.parties().size(), max + 1);
        return new Bip445.SignersContext(n, key.threshold(), ids, pubshares, key.publicKey().encode());
    }

    /** This signer's share: RFC 9591 {@code z_i} or BIP 445 partial signature. */
    BigInteger signShare(PartyId self, BigInteger hiding, BigInteger binding, BigInteger secret) {
        if (bip != null) {
            return new BigInteger(1, Bip445.signCore(bip, hiding, binding, secret, bipId(self)));
        }
        return Rfc9591.signShare(request.scheme().ciphersuite(), rfc, self, hiding, binding, secret);
    }

    /** RFC 9591 §5.4 / BIP 445 {@code PartialSigVerifyInternal} for one signer. */
    boolean verifyShare(PartyId id, BigInteger z) {
        EcPoint yi = key.verificationShare(id);
        if (bip != null) {
            return Bip445.partialSigVerifyInternal(io.openwaas.mpc.common.Bytes.fixed(z, 32), bipId(id),
                    pubnonce(commitments.get(id)), yi.encode(), bip);
        }
        return Rfc9591.verifyShare(request.scheme().ciphersuite(), rfc, id, commitments.get(id), yi, z);
    }

    /** Aggregates (RFC 9591 §5.3 plus {@code c·t}; BIP 445 {@code PartialSigAgg}). */
    byte[] aggregate(List<BigInteger> shares) {
        if (bip != null) {
            List<byte[]> psigs = new ArrayList<>();
            shares.forEach(z -> psigs.add(io.openwaas.mpc.common.Bytes.fixed(z, 32)));
            return Bip445.partialSigAgg(psigs, bip);
        }
        return Rfc9591.aggregate(request.scheme().ciphersuite(), rfc, shares, request.plainTweakSum());
    }

    /**
     * Checks the aggregated signature with the verification equation on the already known points (no decoding):
     * RFC 9591 {@code z·G == R + c·Y'}; BIP-340 {@code s·G == R + e·Q} with {@code R} and {@code Q} of even Y (BIP 445
     * signers negate their nonces for an odd {@code R}, so the aggregate {@code R} used is the even-Y one). Tests
     * additionally check every signature with an independent verifier.
     */
    boolean verifyAggregate(byte[] sig) {
        EcGroup g = key.group();
        BigInteger q = g.order();
        io.openwaas.mpc.common.FixedBaseTable yTable = io.openwaas.mpc.common.FixedBaseTable.of(key.publicKey());
        if (bip != null) {
            // Q = gacc·Y + tacc·G (BIP-327 accumulators); Q_even = ±Q; check s·G == R_even + e·Q_even.
            BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
            BigInteger sign = bip.q().hasEvenY() ? BigInteger.ONE : q.subtract(BigInteger.ONE);
            BigInteger ey = bip.e().multiply(bip.gacc()).multiply(sign).mod(q);
            BigInteger eg = bip.e().multiply(bip.tacc()).multiply(sign).mod(q);
            EcPoint eq = yTable.multiply(ey).add(g.generator().multiply(eg));
            return g.generator().multiply(s).equals(sv(bip.r()).add(eq));
        }
        // Y' = Y + t·G, so c·Y' = c·Y + (c·t)·G.
        BigInteger z = g.scalarFromBytes(java.util.Arrays.copyOfRange(sig, g.pointLength(), sig.length));
        BigInteger c = rfc.challenge();
        EcPoint cy = yTable.multiply(c).add(g.generator().multiply(c.multiply(request.plainTweakSum()).mod(q)));
        return g.generator().multiply(z).equals(rfc.groupCommitment().add(cy));
    }

    private static Secp256k1Point sv(Secp256k1Point p) {
        return p.hasEvenY() ? p : p.negate();
    }

    /** The key a verifier checks the signature against: Ed25519 32 bytes, BIP-340 x-only 32 bytes, SEC1 33 bytes. */
    byte[] verifyingKey() {
        if (bip != null) {
            return ((Secp256k1Point) bip.q()).xOnly();
        }
        return request.tweakedKey(key).encode();
    }
}
