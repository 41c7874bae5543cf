package io.openwaas.mpc.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartyIdTest {

    /** secp256k1 group order. */
    static final BigInteger Q = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

    @Test
    void rejectsNonPositive() {
        assertThrows(IllegalArgumentException.class, () -> PartyId.of(0));
        assertThrows(IllegalArgumentException.class, () -> PartyId.of(-1));
        assertThrows(IllegalArgumentException.class, () -> PartyId.of(BigInteger.ONE.shiftLeft(PartyId.MAX_BITS)));
    }

    @Test
    void line08_shamirIndexZeroModQIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> PartyId.of(Q).validate(Q));
        assertThrows(IllegalArgumentException.class, () -> PartyId.of(Q.shiftLeft(1)).validate(Q));
        PartyId.of(Q.add(BigInteger.ONE)).validate(Q);
    }

    @Test
    void line08_duplicatesModQAreRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> PartyId.validateSet(List.of(PartyId.of(1), PartyId.of(2), PartyId.of(Q.add(BigInteger.ONE))), Q));
        assertEquals(true, e.getMessage().contains("P1"));
        assertThrows(IllegalArgumentException.class,
                () -> PartyId.validateSet(List.of(PartyId.of(3), PartyId.of(3)), Q));
        PartyId.validateSet(List.of(PartyId.of(1), PartyId.of(2), PartyId.of(3)), Q);
    }

    @Test
    void scalarEncodings() {
        PartyId p = PartyId.of(258);
        byte[] be = p.toScalarBytes(Q, 32);
        assertEquals(1, be[30]);
        assertEquals(2, be[31]);
        byte[] le = p.toScalarBytesLE(Q, 32);
        assertEquals(2, le[0]);
        assertEquals(1, le[1]);
        assertArrayEquals(Bytes.reverse(be), le);
    }

    @Test
    void lagrangeInterpolatesALine() {
        // f(x) = 7 + 5x: shares at 1 and 3 interpolate back to 7.
        var ids = List.of(PartyId.of(1), PartyId.of(3));
        BigInteger f1 = BigInteger.valueOf(12);
        BigInteger f3 = BigInteger.valueOf(22);
        BigInteger secret = Lagrange.coefficient(ids.get(0), ids, Q).multiply(f1)
                .add(Lagrange.coefficient(ids.get(1), ids, Q).multiply(f3)).mod(Q);
        assertEquals(BigInteger.valueOf(7), secret);
        assertThrows(IllegalArgumentException.class, () -> Lagrange.coefficient(PartyId.of(2), ids, Q));
    }
}
