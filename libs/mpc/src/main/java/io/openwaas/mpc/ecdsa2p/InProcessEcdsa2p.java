package io.openwaas.mpc.ecdsa2p;

import io.openwaas.crypto.ecdsa.EcdsaSignature;
import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.Interceptor;
import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.ProtocolMessage;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.dkg.KeyShare;
import io.openwaas.mpc.paillier.PaillierPrivateKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An in-process harness that runs two-party ECDSA (key generation, signing, pairwise setup, refresh) by passing
 * every message through its canonical encoding and an {@link Interceptor} (honest network, or a malicious sender in
 * tests). It is what tests and benchmarks use; tss-service drives the same round classes over Kafka.
 *
 * <p>Each delivered copy is decoded (a decoding failure aborts with {@code MALFORMED_MESSAGE} naming the sender),
 * its header's sender is checked against the transport sender, and it is handed to the receiving round; a second
 * copy reaches the (single-use) round and aborts with {@code REPLAYED_MESSAGE}; no copy aborts with
 * {@code MISSING_MESSAGE}.
 */
public final class InProcessEcdsa2p {

    private final Interceptor network;
    private final SecureRandom rnd;

    public InProcessEcdsa2p(Interceptor network, SecureRandom rnd) {
        this.network = network;
        this.rnd = rnd;
    }

    /** An honest network. */
    public InProcessEcdsa2p() {
        this(Interceptor.HONEST, new SecureRandom());
    }

    /** Both shares of a 2-of-2 key. */
    public record KeyPair(P1KeyShare p1, P2KeyShare p2) {
    }

    private <M extends ProtocolMessage, R> R deliver(String protocol, int round, ProtocolMessage sent, PartyId to,
                                                     Function<byte[], M> parser, Function<M, R> receiver,
                                                     boolean startsRound) {
        List<byte[]> copies = network.deliver(round, sent.sender(), to, sent.toBytes());
        if (copies.isEmpty()) {
            throw MpcAbortException.blame(protocol, round, AbortReason.MISSING_MESSAGE, sent.sender(),
                    "no message delivered");
        }
        R result = null;
        for (byte[] bytes : copies) {
            if (result != null && startsRound) {
                throw MpcAbortException.blame(protocol, round, AbortReason.REPLAYED_MESSAGE, sent.sender(),
                        "second copy of a session-opening message");
            }
            M m = Ecdsa2p.parse(protocol, round, sent.sender(), () -> parser.apply(bytes));
            if (!m.sender().equals(sent.sender())) {
                throw MpcAbortException.blame(protocol, round, AbortReason.UNEXPECTED_SENDER, sent.sender(),
                        "header names another sender");
            }
            R r = receiver.apply(m);
            if (result == null) {
                result = r;
            }
        }
        return result;
    }

    /**
     * One party's auxiliary state after an aux setup session: its own {@link AuxSetupSecret} and the
     * {@link VerifiedAuxSetup}s of its peers (what tss-service persists per party and passes to key generation).
     */
    public record AuxState(AuxSetupSecret own, Map<PartyId, VerifiedAuxSetup> peers) {

        public AuxState {
            peers = Map.copyOf(peers);
        }

        /** The verified setup of {@code peer}. */
        public VerifiedAuxSetup peer(PartyId peer) {
            VerifiedAuxSetup v = peers.get(peer);
            if (v == null) {
                throw new IllegalArgumentException("no verified aux setup of " + peer);
            }
            return v;
        }
    }

    /**
     * The one-time auxiliary setup ({@link AuxSetup}) among {@code keys.keySet()} in setup session
     * {@code setupSession}: every party makes its ring-Pedersen parameters and Π^prm on its key, sends the encoded
     * setup to every other party, and every receiver verifies it against the sender and the session.
     *
     * @param keys each party's Paillier–Blum key for its ring-Pedersen modulus (adopted; used for nothing else)
     */
    public Map<PartyId, AuxState> auxSetup(SessionId setupSession, Map<PartyId, PaillierPrivateKey> keys) {
        Map<PartyId, AuxSetupSecret> own = new TreeMap<>();
        keys.forEach((id, key) -> own.put(id, AuxSetup.create(setupSession, id, key, rnd)));
        Map<PartyId, AuxState> out = new TreeMap<>();
        for (PartyId to : own.keySet()) {
            Map<PartyId, VerifiedAuxSetup> peers = new TreeMap<>();
            for (PartyId from : own.keySet()) {
                if (from.equals(to)) {
                    continue;
                }
                List<byte[]> copies = network.deliver(AuxSetup.ROUND, from, to, own.get(from).setup().toBytes());
                if (copies.isEmpty()) {
                    throw MpcAbortException.blame(Ecdsa2p.AUX, AuxSetup.ROUND, AbortReason.MISSING_MESSAGE, from,
                            "no aux setup delivered");
                }
                if (copies.size() > 1) {
                    throw MpcAbortException.blame(Ecdsa2p.AUX, AuxSetup.ROUND, AbortReason.REPLAYED_MESSAGE, from,
                            "second copy of an aux setup");
                }
                AuxSetup setup = Ecdsa2p.parse(Ecdsa2p.AUX, AuxSetup.ROUND, from, () -> AuxSetup.parse(copies.get(0)));
                peers.put(from, setup.verify(setupSession, from));
            }
            out.put(to, new AuxState(own.get(to), peers));
        }
        return out;
    }

    /** 2-of-2 key generation between {@code p1} and {@code p2}, with their aux states from {@link #auxSetup}. */
    public KeyPair keygen(SessionId session, PartyId p1, PartyId p2, PaillierPrivateKey p1Paillier, AuxState p1Aux,
                          AuxState p2Aux) {
        KeygenRound1 a1 = KeygenRound1.start(session, p1, p2, p1Paillier, p1Aux.own(), p1Aux.peer(p2), rnd);
        KeygenRound2 b2 = deliver(Ecdsa2p.KEYGEN, 1, a1.message(), p2, KeygenMessage1::parse,
                m -> KeygenRound2.start(session, p2, p1, m, p2Aux.own(), p2Aux.peer(p1), rnd), true);
        KeygenRound3 a3 = deliver(Ecdsa2p.KEYGEN, 2, b2.message(), p1, KeygenMessage2::parse, a1::next, false);
        P2KeyShare s2 = deliver(Ecdsa2p.KEYGEN, 3, a3.message(), p2, KeygenMessage3::parse, b2::finish, false);
        return new KeyPair(a3.share(), s2);
    }

    /** One signature by the two parties. */
    public EcdsaSignature sign(P1KeyShare p1, P2KeyShare p2, SignContext context) {
        return sign(p1, p2, context, () -> p2.peerPaillier().noise(rnd));
    }

    /** One signature, P2 taking its Paillier randomness from {@code noise} (a pre-computed pool). */
    public EcdsaSignature sign(P1KeyShare p1, P2KeyShare p2, SignContext context,
                               Supplier<io.openwaas.mpc.paillier.PaillierNoise> noise) {
        SignRound1 a1 = SignRound1.start(p1, context, rnd);
        SignRound2 b2 = deliver(Ecdsa2p.SIGN, 1, a1.message(), p2.self(), SignMessage1::parse,
                m -> SignRound2.start(p2, context, m, noise, rnd), true);
        SignRound3 a3 = deliver(Ecdsa2p.SIGN, 2, b2.message(), p1.self(), SignMessage2::parse, a1::next, false);
        SignRound4 b4 = deliver(Ecdsa2p.SIGN, 3, a3.message(), p2.self(), SignMessage3::parse, b2::next, false);
        return deliver(Ecdsa2p.SIGN, 4, b4.message(), p1.self(), SignMessage4::parse, a3::finish, false);
    }

    /** Explicit refresh of a 2-of-2 key (the only way out of a freeze). */
    public KeyPair refresh(SessionId session, P1KeyShare p1, P2KeyShare p2, PaillierPrivateKey newP1Paillier,
                           AuxState p1Aux, AuxState p2Aux) {
        SetupRound1 b1 = Refresh.startAsP2(session, p2, p2Aux.own(), p2Aux.peer(p1.self()), rnd);
        SetupRound2 a2 = deliver(Ecdsa2p.SETUP, 1, b1.message(), p1.self(), SetupMessage1::parse,
                m -> Refresh.runAsP1(session, p1, newP1Paillier, p1Aux.own(), p1Aux.peer(p2.self()), m, rnd), true);
        P2KeyShare s2 = deliver(Ecdsa2p.SETUP, 2, a2.message(), p2.self(), SetupMessage2::parse, b1::finish, false);
        return new KeyPair(a2.share(), s2);
    }

    /**
     * The pairwise setups of a 2-of-3 key, from the three holders' DKG shares.
     *
     * @param paillierKeys supplies a fresh Paillier key per pair (P1's)
     * @param aux          the holders' aux states ({@link #auxSetup} among the three holders)
     */
    public Map<PartyId, TwoOfThreeShare> setupTwoOfThree(SessionId session, Map<PartyId, KeyShare> dkgShares,
                                                        Supplier<PaillierPrivateKey> paillierKeys,
                                                        Map<PartyId, AuxState> aux) {
        List<PartyId> ids = new ArrayList<>(new java.util.TreeSet<>(dkgShares.keySet()));
        if (ids.size() != 3) {
            throw new IllegalArgumentException("three holders expected");
        }
        Map<PartyId, FreezeLatch> latches = new TreeMap<>();
        Map<PartyId, List<P1KeyShare>> p1s = new TreeMap<>();
        Map<PartyId, List<P2KeyShare>> p2s = new TreeMap<>();
        for (PartyId id : ids) {
            latches.put(id, new FreezeLatch());
            p1s.put(id, new ArrayList<>());
            p2s.put(id, new ArrayList<>());
        }
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                PartyId a = ids.get(i);
                PartyId b = ids.get(j);
                SessionId pairSession = pairSession(session, a, b);
                SetupRound1 r1 = TwoOfThree.startAsP2(pairSession, dkgShares.get(b), a, aux.get(b).own(),
                        aux.get(b).peer(a), rnd);
                SetupRound2 r2 = deliver(Ecdsa2p.SETUP, 1, r1.message(), a, SetupMessage1::parse,
                        m -> TwoOfThree.runAsP1(pairSession, dkgShares.get(a), b, paillierKeys.get(), aux.get(a).own(),
                                aux.get(a).peer(b), latches.get(a), m, rnd), true);
                P2KeyShare s2 = deliver(Ecdsa2p.SETUP, 2, r2.message(), b, SetupMessage2::parse, r1::finish, false);
                p1s.get(a).add(r2.share());
                p2s.get(b).add(s2);
            }
        }
        Map<PartyId, TwoOfThreeShare> out = new TreeMap<>();
        for (PartyId id : ids) {
            out.put(id, TwoOfThreeShare.of(id, latches.get(id), p1s.get(id), p2s.get(id)));
        }
        return out;
    }

    /**
     * The session id of the setup of pair {@code {a, b}} within a 2-of-3 key generation session: SHA-256 of the
     * parent id and both party ids (so the three pair setups never share a session id).
     */
    public static SessionId pairSession(SessionId parent, PartyId a, PartyId b) {
        byte[] d = io.openwaas.mpc.common.Transcript.forSession(io.openwaas.mpc.common.Transcript.Hash.SHA256,
                "openwaas/ecdsa2p/pair-session/v1", parent).append("a", a).append("b", b).digest();
        return SessionId.wrap(d);
    }

    /** A signature by two holders of a 2-of-3 key (the smaller id acts as P1). */
    public EcdsaSignature signTwoOfThree(TwoOfThreeShare x, TwoOfThreeShare y, SignContext context) {
        TwoOfThreeShare p1 = TwoOfThree.isP1(x.self(), y.self()) ? x : y;
        TwoOfThreeShare p2 = p1 == x ? y : x;
        return sign(p1.asP1With(p2.self()).orElseThrow(), p2.asP2With(p1.self()).orElseThrow(), context);
    }
}
