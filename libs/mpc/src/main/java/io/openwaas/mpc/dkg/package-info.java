/**
 * Distributed key generation: Pedersen DKG with Feldman verifiable secret sharing and Schnorr proofs of knowledge
 * (Komlo–Goldberg, "FROST: Flexible Round-Optimized Schnorr Threshold Signatures", SAC 2020, Figure 1; ZF frost
 * {@code book/src/tutorial/dkg.md}), for secp256k1 and ed25519, {@code t}-of-{@code n} with {@code 2 ≤ t ≤ n ≤ 7}.
 *
 * <h2>Rounds</h2>
 * <ol>
 *   <li>{@link io.openwaas.mpc.dkg.Round1#start}: polynomial, Feldman commitments, proof of knowledge of the constant
 *       term bound to session id, prover id, group, threshold, party list and the whole commitment vector →
 *       {@link io.openwaas.mpc.dkg.Round1Message} (broadcast).</li>
 *   <li>{@link io.openwaas.mpc.dkg.Round2}: validate every broadcast (session, round, sender, vector length = t,
 *       points strictly decoded, proof) → one {@link io.openwaas.mpc.dkg.Round2Message} per peer (point-to-point: the
 *       share {@code f_i(j)} plus the echo of all broadcasts).</li>
 *   <li>{@link io.openwaas.mpc.dkg.Round3}: check echoes (equivocation) and each share against its sender's
 *       commitments → {@link io.openwaas.mpc.dkg.KeyShare}.</li>
 * </ol>
 *
 * <h2>Driving it over a transport (tss-service)</h2>
 * Every party builds {@link io.openwaas.mpc.dkg.DkgParameters} (same group, session id, threshold and party ids at
 * every party; its own id as {@code self}). {@code Round1.start(params)} returns the broadcast to publish
 * ({@code toBytes()}) and the {@code Round2} object to keep in memory. Each incoming message is passed as
 * {@code receive(authenticatedSender, bytes)}; when {@code isComplete()}, {@code finish()} gives the next round's
 * outgoing messages and state. Every {@code receive}/{@code finish} may throw
 * {@link io.openwaas.mpc.common.MpcAbortException} naming the round, the reason and the culprits; the execution is
 * then dead (start a new session). Point-to-point messages contain secret shares: the transport must encrypt and
 * authenticate them, and drop them after delivery. A message that arrives before its round object exists (a fast
 * peer already in round 2) must be buffered by the transport and fed once the round starts; a message for an
 * earlier round is refused ({@code MALFORMED_MESSAGE}: wrong message type). Duplicate deliveries must be removed
 * by the transport (by message id): a second message from the same sender in a round is treated as a replay. Round state objects are not
 * serialisable on purpose: a crash means a restart with a new session id.
 *
 * <h2>Key shares</h2>
 * {@link io.openwaas.mpc.dkg.KeyShare#toBytes()} / {@link io.openwaas.mpc.dkg.KeyShare#parse} (type {@code 0x0101}
 * v1, contains the secret share: store encrypted) and {@link io.openwaas.mpc.dkg.GroupKey#toBytes()} (public: group,
 * key id, threshold, holders, group key, verification shares). The key id changes at every reshare.
 *
 * <h2>Threat checklist lines covered</h2>
 * 5/7 (canonical transcripts binding every public input), 8 (identifiers), 9 (vector lengths), 10 (strict point
 * decoding), 11 (proof of knowledge), 15 (echo broadcast), 16 (session id in every header and proof) — see the
 * {@code DkgThreatChecklistTest} and {@code DkgMaliciousPartyTest}. Not covered: robustness (any misbehaviour
 * aborts; there is no complaint round to exclude a party and continue), adaptive security, and blame when the
 * transport is not authenticated (a lying echo can then shift blame, see
 * {@link io.openwaas.mpc.common.EchoBroadcast}).
 */
package io.openwaas.mpc.dkg;
