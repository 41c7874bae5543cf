package io.openwaas.mpc.ecdsa2p;

import io.openwaas.mpc.common.MessageHeader;

/**
 * Signing message 1, P1 → P2: a commitment to {@code (R1, π_dlog(R1))} (Lindell17 §3 signing, step 1). Encoding:
 * type {@code 0x1211}, version 1, {@code header ‖ commitment(32)}.
 */
public final class SignMessage1 extends CommitmentMessage {

    static final int TYPE = 0x1211;
    static final int ROUND = 1;

    SignMessage1(MessageHeader header, byte[] commitment) {
        super(TYPE, header, commitment);
    }

    public static SignMessage1 parse(byte[] bytes) {
        Fields f = read(bytes, TYPE);
        return new SignMessage1(f.header(), f.commitment());
    }
}
