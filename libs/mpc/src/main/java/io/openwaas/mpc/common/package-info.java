/**
 * Shared infrastructure of the threshold protocols in {@code libs/mpc} (used by dkg, frost, reshare,
 * paillier, zk and ecdsa2p):
 * <ul>
 *   <li>{@link io.openwaas.mpc.common.PartyId} — party identifier = Shamir evaluation point; validated non-zero
 *       and distinct mod q ({@link io.openwaas.mpc.common.PartyId#validateSet});</li>
 *   <li>{@link io.openwaas.mpc.common.SessionId} — execution id bound into every transcript and header;</li>
 *   <li>{@link io.openwaas.mpc.common.Transcript} — canonical length-prefixed Fiat–Shamir hashing
 *       (SHA-256 / SHA-512) with domain tag, session id and prover id;</li>
 *   <li>{@link io.openwaas.mpc.common.MpcAbortException} / {@link io.openwaas.mpc.common.AbortReason} — abort
 *       naming protocol, round, reason and culprits;</li>
 *   <li>{@link io.openwaas.mpc.common.SecretScalar} — zeroable, redacted secret scalar;</li>
 *   <li>{@link io.openwaas.mpc.common.WireWriter} / {@link io.openwaas.mpc.common.WireReader} — versioned
 *       canonical binary encoding of messages and key shares;</li>
 *   <li>{@link io.openwaas.mpc.common.ProtocolMessage}, {@link io.openwaas.mpc.common.MessageHeader},
 *       {@link io.openwaas.mpc.common.MessageContext}, {@link io.openwaas.mpc.common.RoundInbox} — the
 *       message/validate() convention;</li>
 *   <li>{@link io.openwaas.mpc.common.EchoBroadcast} — echo digests and the equivocation check with blame;</li>
 *   <li>{@link io.openwaas.mpc.common.Lagrange} — interpolation coefficients at 0;</li>
 *   <li>{@link io.openwaas.mpc.common.Groups} — group by wire name, point/scalar wire helpers, Feldman evaluation;</li>
 *   <li>{@link io.openwaas.mpc.common.Msm}, {@link io.openwaas.mpc.common.FixedBaseTable} — internal helpers for
 *       public-scalar multi-scalar and fixed-base multiplication (not in libs/crypto);</li>
 *   <li>{@link io.openwaas.mpc.common.Interceptor} — the hook of the in-process harnesses.</li>
 * </ul>
 * This package only grows: existing signatures stay source-compatible.
 */
package io.openwaas.mpc.common;
