package io.openwaas.tss.protocol;

import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.dkg.KeyShare;
import io.openwaas.mpc.ecdsa2p.P1KeyShare;
import io.openwaas.mpc.ecdsa2p.P2KeyShare;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a node stores (sealed) for one root key: its Shamir share of the DKG sharing (FROST and resharing use it)
 * and, on secp256k1 with threshold 2, its two-party ECDSA share with every other holder — as P1 towards holders
 * with a larger party id, as P2 towards smaller ones. Encoding: {@code u8 version(1) ‖ u32 len ‖ KeyShare ‖ u8 pairs
 * ‖ (u8 role ‖ u32 len ‖ P1KeyShare|P2KeyShare)*}.
 */
public final class StoredShare {

    private final KeyShare share;
    private final List<P1KeyShare> p1;
    private final List<P2KeyShare> p2;
    /** P2's pre-computed Paillier randomness per P1 peer (memory only; set by whoever keeps the share loaded). */
    private final java.util.Map<PartyId, io.openwaas.mpc.paillier.PaillierNoisePool> noise =
            new java.util.concurrent.ConcurrentHashMap<>();

    public StoredShare(KeyShare share, List<P1KeyShare> p1, List<P2KeyShare> p2) {
        this.share = share;
        this.p1 = List.copyOf(p1);
        this.p2 = List.copyOf(p2);
    }

    public KeyShare share() {
        return share;
    }

    public Optional<P1KeyShare> asP1With(PartyId peer) {
        return p1.stream().filter(s -> s.peer().equals(peer)).findFirst();
    }

    public Optional<P2KeyShare> asP2With(PartyId peer) {
        return p2.stream().filter(s -> s.peer().equals(peer)).findFirst();
    }

    /** Keeps a pool of P2 Paillier randomness for each P2 pair share (refilled by the caller's thread). */
    public java.util.Collection<io.openwaas.mpc.paillier.PaillierNoisePool> attachNoisePools(int capacity,
                                                                                         java.security.SecureRandom rnd) {
        for (P2KeyShare s : p2) {
            noise.computeIfAbsent(s.peer(), k -> new io.openwaas.mpc.paillier.PaillierNoisePool(s.peerPaillier(),
                    capacity, rnd));
        }
        return noise.values();
    }

    /** The noise pool for signing as P2 with {@code p1}, if one is attached. */
    public Optional<io.openwaas.mpc.paillier.PaillierNoisePool> noiseFor(PartyId p1) {
        return Optional.ofNullable(noise.get(p1));
    }

    /** Whether a terminal two-party ECDSA abort froze one of this holder's P1 shares. */
    public boolean frozen() {
        return p1.stream().anyMatch(P1KeyShare::isFrozen);
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            write(out, share.toBytes());
            out.writeByte(p1.size() + p2.size());
            for (P1KeyShare s : p1) {
                out.writeByte(1);
                write(out, s.toBytes());
            }
            for (P2KeyShare s : p2) {
                out.writeByte(2);
                write(out, s.toBytes());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    public static StoredShare parse(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readUnsignedByte() != 1) {
                throw new IllegalStateException("unknown stored share version");
            }
            KeyShare share = KeyShare.parse(read(in));
            int n = in.readUnsignedByte();
            List<P1KeyShare> p1 = new ArrayList<>();
            List<P2KeyShare> p2 = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int role = in.readUnsignedByte();
                byte[] b = read(in);
                if (role == 1) {
                    p1.add(P1KeyShare.parse(b));
                } else {
                    p2.add(P2KeyShare.parse(b));
                }
            }
            return new StoredShare(share, p1, p2);
        } catch (IOException e) {
            throw new IllegalStateException("stored share unreadable", e);
        }
    }

    private static void write(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
        java.util.Arrays.fill(b, (byte) 0);
    }

    private static byte[] read(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (16 << 20)) {
            throw new IOException("bad length");
        }
        return in.readNBytes(n);
    }

    /** Wipes the secrets this object holds. */
    public void destroy() {
        noise.values().forEach(io.openwaas.mpc.paillier.PaillierNoisePool::clear);
        share.destroy();
        p1.forEach(P1KeyShare::destroy);
        p2.forEach(P2KeyShare::destroy);
    }

    @Override
    public String toString() {
        return "StoredShare[<redacted>]";
    }
}
