package io.openwaas.mpc.dkg;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SecretScalar;
import io.openwaas.mpc.common.WireFormatException;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * One holder's share of a threshold key: the public {@link GroupKey}, the holder's id and its secret Shamir share
 * {@code s_i = f(i)}. This is what tss-service stores (encrypted at rest) per holder.
 *
 * <p>Encoding (type {@code 0x0101}, version 1): {@code GroupKey ‖ self ‖ secret share}. {@link #parse} re-checks
 * every invariant, including {@code s_i·G == Y_i}. {@link #toString()} is redacted; {@link #destroy()} zeroes the
 * secret share.
 */
public final class KeyShare implements Destroyable {

    static final int TYPE = 0x0101;
    static final int VERSION = 1;

    private final GroupKey groupKey;
    private final PartyId self;
    private final SecretScalar secretShare;

    public KeyShare(GroupKey groupKey, PartyId self, SecretScalar secretShare) {
        this.groupKey = Objects.requireNonNull(groupKey, "groupKey");
        this.self = Objects.requireNonNull(self, "self");
        this.secretShare = Objects.requireNonNull(secretShare, "secretShare");
        if (!groupKey.parties().contains(self)) {
            throw new IllegalArgumentException("self is not a holder");
        }
        if (!secretShare.order().equals(groupKey.group().order())) {
            throw new IllegalArgumentException("secret share of another group");
        }
        if (!groupKey.group().mulBase(secretShare.value()).equals(groupKey.verificationShare(self))) {
            throw new IllegalArgumentException("secret share does not match the verification share");
        }
    }

    public GroupKey groupKey() {
        return groupKey;
    }

    public EcGroup group() {
        return groupKey.group();
    }

    public PartyId self() {
        return self;
    }

    /** The secret share (not a copy: do not destroy it separately). */
    public SecretScalar secretShare() {
        return secretShare;
    }

    /** The canonical encoding; it contains the secret share, so store and send it encrypted only. */
    public byte[] toBytes() {
        WireWriter w = WireWriter.start(TYPE, VERSION);
        groupKey.write(w);
        w.writePartyId(self).writeSecret(secretShare);
        return w.toBytes();
    }

    /** Decodes and validates a stored key share. */
    public static KeyShare parse(byte[] bytes) {
        WireReader r = WireReader.open(bytes, TYPE, VERSION);
        GroupKey gk = GroupKey.read(r);
        PartyId self = r.readPartyId();
        SecretScalar s = r.readSecret(gk.group().order());
        r.finish();
        try {
            return new KeyShare(gk, self, s);
        } catch (IllegalArgumentException e) {
            s.destroy();
            throw new WireFormatException("inconsistent key share: " + e.getMessage());
        }
    }

    @Override
    public void destroy() {
        secretShare.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return secretShare.isDestroyed();
    }

    @Override
    public String toString() {
        return "KeyShare[" + self + " of " + groupKey + ", secret redacted]";
    }
}
