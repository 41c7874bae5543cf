/**
 * The zero-knowledge proofs two-party ECDSA needs, all non-interactive (Fiat–Shamir over a
 * {@link io.openwaas.mpc.common.Transcript} that binds a domain tag, the session id, the prover id and every public
 * input of the statement — threat checklist lines 5, 7 and 16).
 *
 * <table>
 *   <caption>Proofs, anchors, repetitions and soundness</caption>
 *   <tr><th>Class</th><th>Statement</th><th>Anchor</th><th>Soundness</th><th>Stops</th></tr>
 *   <tr><td>{@link io.openwaas.mpc.zk.PaillierBlumModulusProof}</td><td>N = pq, Blum primes, gcd(N, φ(N)) = 1</td>
 *       <td>CGGMP21 Fig. 16 + GRSB19 §3</td><td>128 fourth-root reps (2^-128) + 8 N-th-root reps with trial
 *       division to 2^16 (2^-128)</td><td>BitForge (line 1)</td></tr>
 *   <tr><td>{@link io.openwaas.mpc.zk.NoSmallFactorProof}</td><td>p, q ≥ ~2^256</td><td>CGGMP21 Fig. 28</td>
 *       <td>one run, challenge in [0, q): ~2^-256 (strong RSA)</td><td>BitForge (line 1)</td></tr>
 *   <tr><td>{@link io.openwaas.mpc.zk.RingPedersenProof}</td><td>s ∈ ⟨t⟩ mod N̂</td><td>CGGMP21 Fig. 17</td>
 *       <td>128 binary reps (2^-128)</td><td>TSSHOCK c-guess / c-split (lines 4, 6)</td></tr>
 *   <tr><td>{@link io.openwaas.mpc.zk.EncryptedDlogProof}</td><td>c_key = Enc(x), Q = x·G, x ∈ ±2^{ℓ+ε}</td>
 *       <td>CGGMP21 Fig. 25 (replaces Lindell17 §6 PDL + range proof)</td><td>~1/q</td>
 *       <td>Lindell17 key extraction via a bad c_key; Alpha-Rays-style range abuse (line 3)</td></tr>
 *   <tr><td>{@link io.openwaas.mpc.zk.AffineSignProof}</td><td>c3 = b⊙c_key ⊕ Enc(y), b·R2 = r·G,
 *       y·R2 = m·G + r·Q2, in range</td><td>CGGMP21 Fig. 15 (Π^aff-g), adapted — needs review</td><td>~1/q</td>
 *       <td>CVE-2023-33242 in the proved-signing variant (line 2)</td></tr>
 *   <tr><td>{@link io.openwaas.mpc.zk.DlogProof}</td><td>X = x·B</td><td>CGGMP21 Fig. 22 / Lindell17 §3</td>
 *       <td>1/q</td><td>rogue keys and nonces</td></tr>
 * </table>
 *
 * <p>Range parameters: {@link io.openwaas.mpc.zk.ZkParameters} ({@code ℓ = 256, ε = 512}). The ring-Pedersen
 * commitments always use the <em>verifier's</em> parameters, proven with Π^prm — in two-party ECDSA once per party,
 * in its auxiliary setup ({@code io.openwaas.mpc.ecdsa2p.AuxSetup}), then reused by every key generation and
 * proved signature.
 */
package io.openwaas.mpc.zk;
