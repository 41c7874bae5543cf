package io.openwaas.mpc.common;

/**
 * Why a protocol aborted. Carried by {@link MpcAbortException}; tests assert on it and tss-service maps it
 * to an alert. New constants may be added (never removed or renamed).
 */
public enum AbortReason {
    /** A message could not be decoded (wrong version, bad length, trailing bytes, non-canonical field). */
    MALFORMED_MESSAGE,
    /** A message's session id differs from this execution's (replay across sessions, line 16). */
    WRONG_SESSION,
    /** A message claims a protocol or round other than the one being processed. */
    WRONG_ROUND,
    /** A sender that is not an expected participant of this round, or a message addressed to someone else. */
    UNEXPECTED_SENDER,
    /** A second message from the same sender for the same round (replay within a session). */
    REPLAYED_MESSAGE,
    /** An expected message is missing. */
    MISSING_MESSAGE,
    /** A party identifier is 0 mod q or duplicates another mod q (line 8). */
    INVALID_PARTY_ID,
    /** A vector (commitments, proofs, shares) has the wrong length (line 9). */
    WRONG_LENGTH,
    /** A point is off-curve, non-canonical, the identity or of small order (line 10). */
    INVALID_POINT,
    /** A scalar or integer is outside its allowed range. */
    OUT_OF_RANGE,
    /** A zero-knowledge proof failed to verify (lines 1, 3, 4, 6, 7, 11). */
    INVALID_PROOF,
    /** A secret share does not match the sender's public commitments. */
    INVALID_SHARE,
    /** A party sent different broadcast values to different parties (line 15). */
    EQUIVOCATION,
    /** A signature share failed verification. */
    INVALID_SIGNATURE_SHARE,
    /** The final signature failed verification. */
    INVALID_SIGNATURE,
    /** A nonce or commitment was used twice (line 12). */
    NONCE_REUSE,
    /** The group public key is not the expected one (reshare, line 23). */
    PUBLIC_KEY_MISMATCH,
    /** The key is frozen after a terminal abort and refuses to sign until refreshed (line 2). */
    KEY_FROZEN,
    /** Any other violation of the protocol by a peer. */
    PROTOCOL_VIOLATION
}
