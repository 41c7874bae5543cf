/**
 * Two-party ECDSA on secp256k1 in the Lindell 2017 family (Y. Lindell, "Fast Secure Two-Party ECDSA Signing",
 * eprint 2017/552), with additive shares as in cb-mpc's ECDSA-2PC specification, hardened against BitForge
 * (CVE-2023-33241) and the Lindell17 abort attack (CVE-2023-33242); plus a 2-of-3 construction built from it.
 *
 * <h2>Protocols and rounds</h2>
 * <ul>
 *   <li><b>Auxiliary setup</b> (once per party and setup session, before any key generation; CGGMP21 §3
 *       "auxiliary info", eprint 2021/060): {@link io.openwaas.mpc.ecdsa2p.AuxSetup#create} makes the party's
 *       ring-Pedersen parameters on a Paillier–Blum modulus of its own with Π^prm bound to the setup session id and
 *       the party id; every peer verifies it once with {@link io.openwaas.mpc.ecdsa2p.AuxSetup#verify} (a setup of
 *       another party, of another setup session, or with a failing proof aborts naming the party that presented
 *       it) and keeps the resulting {@link io.openwaas.mpc.ecdsa2p.VerifiedAuxSetup}. Key generation, refresh and
 *       the 2-of-3 pair setups take the own {@link io.openwaas.mpc.ecdsa2p.AuxSetupSecret} and the peer's
 *       {@code VerifiedAuxSetup} and neither prove nor verify ring-Pedersen parameters; P2's messages carry both
 *       setups' fingerprints, which P1 checks.</li>
 *   <li><b>2-of-2 key generation</b> (Lindell17 §3, key generation; 3 messages):
 *       {@link io.openwaas.mpc.ecdsa2p.KeygenRound1} (P1: commit to {@code Q1} and its proof) →
 *       {@link io.openwaas.mpc.ecdsa2p.KeygenRound2} (P2: {@code Q2}, proof, aux fingerprints) →
 *       {@link io.openwaas.mpc.ecdsa2p.KeygenRound3} (P1: opening, Paillier key, {@code c_key = Enc(x1)}, Π^mod,
 *       Π^fac and Π^log* under P2's verified aux parameters; P1's share) → {@code KeygenRound2.finish} (P2
 *       verifies; P2's share).</li>
 *   <li><b>Signing</b> (Lindell17 §3, signing; 4 messages): {@link io.openwaas.mpc.ecdsa2p.SignRound1} (P1 commits to
 *       {@code R1}) → {@link io.openwaas.mpc.ecdsa2p.SignRound2} ({@code R2}) → {@link io.openwaas.mpc.ecdsa2p.SignRound3}
 *       (P1 opens) → {@link io.openwaas.mpc.ecdsa2p.SignRound4} (P2: {@code c3}, and Π^aff-R in proved mode) →
 *       {@code SignRound3.finish} (P1 decrypts, normalises to low S, verifies). Two modes
 *       ({@link io.openwaas.mpc.ecdsa2p.SignContext.Mode}): GLOBAL_ABORT, where a failed final verification is a
 *       <b>terminal abort that freezes P1's share</b> ({@link io.openwaas.mpc.ecdsa2p.FreezeLatch}) until an explicit
 *       {@link io.openwaas.mpc.ecdsa2p.Refresh}; and PROVED, where P2 proves {@code c3} well formed and a bad
 *       {@code c3} is rejected before decryption.</li>
 *   <li><b>HD signing</b>: {@link io.openwaas.mpc.ecdsa2p.SignContext#tweak()} is the public additive tweak of a
 *       non-hardened BIP-32 path ({@code io.openwaas.crypto.hd.ExtendedPublicKey#deriveWithTweak}); the signature
 *       verifies under the child key {@code Q + t·G}.</li>
 *   <li><b>2-of-3</b> ({@link io.openwaas.mpc.ecdsa2p.TwoOfThree}): a 2-of-3 Shamir DKG ({@code io.openwaas.mpc.dkg})
 *       followed by a pairwise Paillier setup ({@link io.openwaas.mpc.ecdsa2p.SetupRound1},
 *       {@link io.openwaas.mpc.ecdsa2p.SetupRound2}) for each of the three pairs, on Lagrange-weighted additive
 *       shares; any two holders then sign with the two-party protocol. <b>This 2-of-3 construction is ours — an
 *       engineering composition, not a published protocol — and needs outside review before production use.</b>
 *       See {@code libs/mpc/ECDSA-2OF3.md}.</li>
 * </ul>
 *
 * <h2>Use from tss-service</h2>
 * <b>Aux setup, once per party pair (or holder group)</b>: the coordinator opens a setup session id; each party
 * calls {@code AuxSetup.create(setupSession, self, key, rnd)} with a pooled Paillier–Blum key reserved for this
 * (never a Paillier key of a two-party key), stores the {@code AuxSetupSecret} encrypted ({@code toBytes()}), and
 * sends {@code secret.setup().toBytes()} to its peers; each peer calls
 * {@code AuxSetup.parse(bytes).verify(setupSession, sender)} and stores the returned {@code VerifiedAuxSetup}
 * ({@code toBytes()}/{@code parse()}, integrity-protected like key shares). <b>Per key</b>: pass
 * {@code AuxSetupSecret.parse(...)} and the peer's {@code VerifiedAuxSetup.parse(...)} to
 * {@code KeygenRound1.start}/{@code KeygenRound2.start} (or {@code SetupRound1}/{@code SetupRound2},
 * {@code TwoOfThree}, {@code Refresh}). To replace a setup (suspected compromise, rotation), run a new setup session
 * and use the new values for new keys and refreshes; existing shares keep working (P1 shares carry their own copy
 * of P1's aux trapdoor, P2 shares P1's parameters).
 *
 * <p><b>Signing, offline/online</b>: P2's cost is mostly one {@code r^N mod N²} per Paillier encryption (one per
 * signature, two in proved mode). tss-service may keep a {@link io.openwaas.mpc.paillier.PaillierNoisePool} per P2
 * share in memory, refill it from a background executor, and pass it to {@code SignRound2.start(share, context, m1,
 * pool, rnd)}; an empty pool falls back to inline computation. This moves CPU off the online path; it does not
 * save any. The default {@code SignRound2.start(share, context, m1, rnd)} computes inline (the library starts no
 * threads and keeps no hidden state).
 *
 * <p>Each party constructs its round objects with the session id the coordinator gives it; every outgoing message has
 * {@code toBytes()} (canonical, versioned, type tags {@code 0x12xx}) and every incoming one a static
 * {@code parse(byte[])} and is {@code validate()}d by the round that consumes it. Rounds are single use (a second
 * message aborts with {@code REPLAYED_MESSAGE}). Errors are {@code MpcAbortException}s naming protocol, round,
 * reason and culprit. Key shares ({@link io.openwaas.mpc.ecdsa2p.P1KeyShare},
 * {@link io.openwaas.mpc.ecdsa2p.P2KeyShare}, {@link io.openwaas.mpc.ecdsa2p.TwoOfThreeShare}) have
 * {@code toBytes()}/{@code parse()}; P1's encoding carries the frozen flag, so tss-service must re-store a share
 * after a terminal abort. {@link io.openwaas.mpc.ecdsa2p.InProcessEcdsa2p} shows the whole message flow.
 */
package io.openwaas.mpc.ecdsa2p;
