package io.openwaas.mpc.dkg;

import io.openwaas.mpc.common.Interceptor;
import io.openwaas.mpc.common.PartyId;
import java.util.List;
import java.util.function.UnaryOperator;

/** Test helpers to build malicious networks. */
public final class Tamper {

    private Tamper() {
    }

    /** Rewrites the bytes of {@code from}'s round-{@code round} message(s) (to every receiver, or only {@code to}). */
    public static Interceptor rewrite(int round, PartyId from, PartyId to, UnaryOperator<byte[]> f) {
        return (r, src, dst, bytes) -> r == round && src.equals(from) && (to == null || dst.equals(to))
                ? List.of(f.apply(bytes.clone())) : List.of(bytes);
    }

    /** Delivers {@code from}'s round-{@code round} message twice. */
    public static Interceptor duplicate(int round, PartyId from) {
        return (r, src, dst, bytes) -> r == round && src.equals(from) ? List.of(bytes, bytes) : List.of(bytes);
    }

    /** Flips one bit at {@code offsetFromEnd} bytes before the end. */
    public static byte[] flipFromEnd(byte[] b, int offsetFromEnd) {
        b[b.length - offsetFromEnd] ^= 1;
        return b;
    }

    /** Overwrites {@code len} bytes ending {@code offsetFromEnd} bytes before the end with {@code value}. */
    public static byte[] overwriteFromEnd(byte[] b, int offsetFromEnd, byte[] value) {
        System.arraycopy(value, 0, b, b.length - offsetFromEnd, value.length);
        return b;
    }
}
