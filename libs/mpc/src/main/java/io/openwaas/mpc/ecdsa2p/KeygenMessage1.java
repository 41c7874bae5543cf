package io.openwaas.mpc.ecdsa2p;

import io.openwaas.mpc.common.MessageHeader;

/**
 * Key generation message 1, P1 → P2: a hash commitment to {@code (Q1, π_dlog(Q1))} (Lindell17 key generation,
 * step 1). Encoding: type {@code 0x1201}, version 1, {@code header ‖ commitment(32)}.
 */
public final class KeygenMessage1 extends CommitmentMessage {

    static final int TYPE = 0x1201;
    static final int ROUND = 1;

    KeygenMessage1(MessageHeader header, byte[] commitment) {
        super(TYPE, header, commitment);
    }

    public static KeygenMessage1 parse(byte[] bytes) {
        Fields f = read(bytes, TYPE);
        return new KeygenMessage1(f.header(), f.commitment());
    }
}
