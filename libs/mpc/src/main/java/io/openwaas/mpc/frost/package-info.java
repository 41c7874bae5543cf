/**
 * FROST threshold Schnorr signing: RFC 9591 FROST(Ed25519, SHA-512) (and FROST(secp256k1, SHA-256)), and FROST for
 * BIP-340 per the draft BIP 445 "FROST Signing Protocol for BIP340 Signatures" (siv2r/bip-frost-signing), with HD
 * (plain) and Taproot (x-only) tweaks.
 *
 * <h2>Rounds</h2>
 * <ol>
 *   <li>{@link io.openwaas.mpc.frost.Round1#commit} (RFC 9591 §5.1; BIP 445 NonceGen): fresh randomised nonces held
 *       only in memory → {@link io.openwaas.mpc.frost.CommitmentMessage} (broadcast to the other signers and the
 *       aggregator), carrying the key id (shares of another sharing are refused) and the digest of the
 *       {@link io.openwaas.mpc.frost.SigningRequest} (signers given different requests abort).</li>
 *   <li>{@link io.openwaas.mpc.frost.Round2#sign} (RFC 9591 §5.2 with §4.4–4.6; BIP 445 Sign): binding factors over
 *       the full commitment list (BIP 445: one coefficient over the sorted ids, the aggregate nonce, the tweaked
 *       x-only key and the message), even-Y rules for BIP-340 → {@link io.openwaas.mpc.frost.SignatureShareMessage}
 *       with the echo of the commitment list. Nonces are destroyed; a second sign is refused.</li>
 *   <li>{@link io.openwaas.mpc.frost.Aggregator} (RFC 9591 §5.3, §5.4; BIP 445 PartialSigAgg / PartialSigVerify):
 *       echo check (equivocation, inconsistent lists), aggregation, verification, and per-share blame only when the
 *       aggregate does not verify → {@link io.openwaas.mpc.frost.FrostSignature}.</li>
 * </ol>
 * The pure functions are in {@link io.openwaas.mpc.frost.Rfc9591} and {@link io.openwaas.mpc.frost.Bip445}; both pass
 * every published vector ({@code testvectors/frost-rfc9591}, {@code testvectors/bip-frost-signing}).
 *
 * <h2>Driving it over a transport (tss-service)</h2>
 * All parties get the same {@link io.openwaas.mpc.frost.SigningRequest} (scheme, fresh session id, signer ids,
 * message, tweaks — {@code Tweak.plain(t)} with {@code t} from libs/crypto {@code deriveWithTweak(path).tweak()},
 * {@link io.openwaas.mpc.frost.SigningRequest#taproot} for BIP-341). Each signer: {@code Round1.commit(keyShare,
 * request)} → publish {@code broadcast().toBytes()}; feed the other signers' commitments to
 * {@code next().receive(from, bytes)}; {@code next().sign()} → send {@code toAggregator().toBytes()}. The aggregator
 * (at the coordinator, {@code self = null}, or at a signer) takes every commitment ({@code receiveCommitment}) and
 * share ({@code receiveShare}) and {@code finish()}es. Any step may throw
 * {@link io.openwaas.mpc.common.MpcAbortException} naming round, reason and culprits.
 *
 * <h2>Not protected against</h2>
 * Nonce state is never persisted, so a crash between rounds loses the session (start a new one). A malicious
 * coordinator can make a signing session fail (but not forge); blame for equivocation assumes an authenticated
 * transport. The Ed25519 and BIP-340 nonces use the process {@code SecureRandom} mixed with the secret share
 * (RFC 9591 §4.1, BIP 445 NonceGen). Timing: scalar·G for secrets uses libs/crypto's constant-time paths; public
 * operations are variable-time; {@code BigInteger} scalar arithmetic is not constant-time (threat line 19).
 *
 * <h2>For outside review</h2>
 * BIP 445 is a draft (vectors of {@code 3271fc8}); its single nonce coefficient over the aggregate nonce differs from
 * RFC 9591's per-signer binding factors — our echo check still compares the full commitment list. The aggregator
 * reuses a co-located signer's session values only after that signer's echo matched its own view
 * ({@link io.openwaas.mpc.frost.Aggregator#attach}). ed25519 elements are decoded by
 * {@link io.openwaas.mpc.common.Groups#decodeEd25519} (BouncyCastle's full validation plus libs/crypto's strict
 * decoder). The BIP 445 {@code n} of a signers context is derived from the holder ids, which need not be
 * {@code 1..n} after a reshare.
 */
package io.openwaas.mpc.frost;
