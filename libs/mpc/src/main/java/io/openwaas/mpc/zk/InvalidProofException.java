package io.openwaas.mpc.zk;

/**
 * A zero-knowledge proof did not verify. The message says which check failed (a public description, never a
 * secret value); protocols turn it into an {@code MpcAbortException} with {@code AbortReason.INVALID_PROOF} naming
 * the round and the prover as culprit.
 */
public final class InvalidProofException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidProofException(String proof, String check) {
        super(proof + ": " + check);
    }
}
