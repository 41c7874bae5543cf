package io.openwaas.crypto.hd;

import java.util.ArrayList;
import java.util.List;

/**
 * A BIP-32 path such as {@code m/84'/0'/0'/0/5} ({@code '}, {@code h} or {@code H} mark hardened indexes, which are
 * stored as {@code index + 2^31}).
 */
public record DerivationPath(int[] indexes) {

    /** The hardened offset 2^31. */
    public static final int HARDENED = 0x80000000;

    public DerivationPath {
        indexes = indexes.clone();
    }

    /**
     * Parses {@code m[/i[']...]} (a leading {@code m/} is optional).
     *
     * @throws IllegalArgumentException on a malformed path or an index of 2^31 or more
     */
    public static DerivationPath parse(String path) {
        String p = path.trim();
        if (p.equals("m") || p.isEmpty()) {
            return new DerivationPath(new int[0]);
        }
        if (p.startsWith("m/")) {
            p = p.substring(2);
        }
        List<Integer> out = new ArrayList<>();
        for (String part : p.split("/", -1)) {
            boolean hardened = part.endsWith("'") || part.endsWith("h") || part.endsWith("H");
            String num = hardened ? part.substring(0, part.length() - 1) : part;
            if (num.isEmpty() || !num.chars().allMatch(Character::isDigit) || num.length() > 10) {
                throw new IllegalArgumentException("invalid path component '" + part + "'");
            }
            long v = Long.parseLong(num);
            if (v >= 0x80000000L) {
                throw new IllegalArgumentException("path index out of range: " + part);
            }
            out.add(hardened ? (int) (v | 0x80000000L) : (int) v);
        }
        return new DerivationPath(out.stream().mapToInt(Integer::intValue).toArray());
    }

    /** A copy of the indexes. */
    @Override
    public int[] indexes() {
        return indexes.clone();
    }

    public int size() {
        return indexes.length;
    }

    public static boolean isHardened(int index) {
        return (index & HARDENED) != 0;
    }

    /** Whether every component is non-hardened (derivable from an extended public key). */
    public boolean isPublic() {
        for (int i : indexes) {
            if (isHardened(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DerivationPath && java.util.Arrays.equals(indexes, ((DerivationPath) o).indexes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(indexes);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("m");
        for (int i : indexes) {
            sb.append('/').append(i & 0x7FFFFFFF);
            if (isHardened(i)) {
                sb.append('\'');
            }
        }
        return sb.toString();
    }
}
