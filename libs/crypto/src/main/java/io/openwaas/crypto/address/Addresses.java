package io.openwaas.crypto.address;

import io.openwaas.crypto.ec.Ed25519Point;
import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.crypto.ec.Secp256k1Point;
import io.openwaas.crypto.encoding.Base58;
import io.openwaas.crypto.encoding.Bech32;
import io.openwaas.crypto.hash.Hashes;
import io.openwaas.crypto.schnorr.Taproot;
import io.openwaas.crypto.util.Bytes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Address encoding and validation per chain id ({@link Chain}).
 *
 * <ul>
 *   <li>Bitcoin (BTC, XTN, SIGNET_BTC, REGTEST_BTC): P2PKH and P2SH-P2WPKH (Base58Check), P2WPKH (Bech32), P2TR
 *       (Bech32m, output key = BIP-86 tweak of the internal key; Cobo's recovery kit puts the <em>untweaked</em> key in
 *       the program: {@link #p2trUntweaked} reproduces that for comparison only);</li>
 *   <li>EVM (every EVM chain): {@code 0x} + EIP-55 checksummed {@code keccak256(X || Y)[12..32]};</li>
 *   <li>TRON: Base58Check({@code 0x41 || keccak256(X || Y)[12..32]});</li>
 *   <li>SOL: Base58 of the 32-byte ed25519 public key.</li>
 * </ul>
 */
public final class Addresses {

    private Addresses() {
    }

    // ---- derivation ----

    /**
     * The address of a public key on a chain in an encoding ({@link AddressEncoding#DEFAULT} for non-Bitcoin chains).
     */
    public static String of(String chainId, AddressEncoding encoding, EcPoint publicKey) {
        Chain chain = Chain.of(chainId);
        switch (chain.family()) {
            case BITCOIN:
                Secp256k1Point p = secp(publicKey);
                switch (encoding) {
                    case P2PKH:
                        return p2pkh(chain.bitcoin(), p);
                    case P2SH_P2WPKH:
                        return p2shP2wpkh(chain.bitcoin(), p);
                    case P2WPKH:
                        return p2wpkh(chain.bitcoin(), p);
                    case P2TR:
                        return p2tr(chain.bitcoin(), p);
                    default:
                        throw new IllegalArgumentException(encoding + " is not a Bitcoin encoding");
                }
            case EVM:
                requireDefault(encoding);
                return evm(secp(publicKey));
            case TRON:
                requireDefault(encoding);
                return tron(secp(publicKey));
            case SOLANA:
                requireDefault(encoding);
                if (!(publicKey instanceof Ed25519Point)) {
                    throw new IllegalArgumentException("SOL addresses need an ed25519 key");
                }
                return solana((Ed25519Point) publicKey);
            default:
                throw new IllegalStateException();
        }
    }

    private static void requireDefault(AddressEncoding e) {
        if (e != AddressEncoding.DEFAULT) {
            throw new IllegalArgumentException("encoding " + e + " not available on this chain");
        }
    }

    private static Secp256k1Point secp(EcPoint p) {
        if (!(p instanceof Secp256k1Point)) {
            throw new IllegalArgumentException("this chain needs a secp256k1 key");
        }
        return (Secp256k1Point) p;
    }

    public static String p2pkh(BitcoinNetwork net, Secp256k1Point pub) {
        return Base58.encodeCheck(Bytes.concat(new byte[] {(byte) net.p2pkhVersion}, Hashes.hash160(pub.encode())));
    }

    /** The P2SH redeem script of P2SH-P2WPKH: {@code 0x0014 || hash160(pub)}. */
    public static byte[] p2wpkhProgramScript(Secp256k1Point pub) {
        return Bytes.concat(new byte[] {0x00, 0x14}, Hashes.hash160(pub.encode()));
    }

    public static String p2shP2wpkh(BitcoinNetwork net, Secp256k1Point pub) {
        return Base58.encodeCheck(Bytes.concat(new byte[] {(byte) net.p2shVersion},
                Hashes.hash160(p2wpkhProgramScript(pub))));
    }

    public static String p2wpkh(BitcoinNetwork net, Secp256k1Point pub) {
        return Bech32.encodeSegwit(net.hrp, 0, Hashes.hash160(pub.encode()));
    }

    /** BIP-86 key-path-only P2TR: program = x-only BIP-341 output key of the internal key {@code pub}. */
    public static String p2tr(BitcoinNetwork net, Secp256k1Point pub) {
        return Bech32.encodeSegwit(net.hrp, 1, Taproot.tweakPublicKey(pub, null).outputKey());
    }

    /** P2TR for an already tweaked x-only output key (e.g. with a script tree). */
    public static String p2trOutputKey(BitcoinNetwork net, byte[] outputKeyX32) {
        return Bech32.encodeSegwit(net.hrp, 1, outputKeyX32);
    }

    /**
     * Cobo recovery-kit compatible "P2TR" with the <b>untweaked</b> internal key as witness program. Not BIP-86: funds
     * sent there can be spent only with a signature under the internal key itself. For comparison and migration only.
     */
    public static String p2trUntweaked(BitcoinNetwork net, Secp256k1Point pub) {
        return Bech32.encodeSegwit(net.hrp, 1, pub.xOnly());
    }

    /** The 20-byte EVM/TRON account id {@code keccak256(X || Y)[12..32]}. */
    public static byte[] evmAccountId(Secp256k1Point pub) {
        byte[] unc = pub.encodeUncompressed();
        byte[] h = Hashes.keccak256(Arrays.copyOfRange(unc, 1, 65));
        return Arrays.copyOfRange(h, 12, 32);
    }

    public static String evm(Secp256k1Point pub) {
        return eip55(evmAccountId(pub));
    }

    /** EIP-55 checksummed {@code 0x...} form of 20 bytes. */
    public static String eip55(byte[] account20) {
        if (account20.length != 20) {
            throw new IllegalArgumentException("EVM address must be 20 bytes");
        }
        String lower = io.openwaas.crypto.util.Hex.encode(account20);
        byte[] h = Hashes.keccak256(lower.getBytes(StandardCharsets.US_ASCII));
        StringBuilder sb = new StringBuilder("0x");
        for (int i = 0; i < 40; i++) {
            char c = lower.charAt(i);
            int nibble = (h[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
            sb.append(nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }

    public static String tron(Secp256k1Point pub) {
        return tronFromAccountId(evmAccountId(pub));
    }

    public static String tronFromAccountId(byte[] account20) {
        return Base58.encodeCheck(Bytes.concat(new byte[] {0x41}, account20));
    }

    public static String solana(Ed25519Point pub) {
        return Base58.encode(pub.encode());
    }

    // ---- validation ----

    /** Whether {@code address} is a valid address of chain {@code chainId} (see {@link #parse}). */
    public static boolean isValid(String chainId, String address) {
        try {
            parse(chainId, address);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Validates an address for a chain and returns what it pays to.
     *
     * <p>Rejected: a wrong network (HRP or version byte of another network), a bad checksum (Base58Check, Bech32,
     * Bech32m, and EIP-55 when the hex is mixed case), a wrong length, Bech32 mixed case, a wrong witness version or
     * checksum variant (v0 must be Bech32, v1 Bech32m), witness versions other than v0 (20/32 bytes) and v1 (32 bytes)
     * which cannot be spent today, non-canonical Base58 for SOL.
     *
     * @throws IllegalArgumentException with the reason
     */
    public static ParsedAddress parse(String chainId, String address) {
        if (address == null || address.isEmpty()) {
            throw new IllegalArgumentException("empty address");
        }
        Chain chain = Chain.of(chainId);
        switch (chain.family()) {
            case BITCOIN:
                return parseBitcoin(chain.bitcoin(), address);
            case EVM:
                return new ParsedAddress(AddressEncoding.DEFAULT, parseEvm(address), null);
            case TRON: {
                byte[] payload = Base58.decodeCheck(address);
                if (payload.length != 21 || payload[0] != 0x41) {
                    throw new IllegalArgumentException("TRON address must be 21 bytes starting 0x41");
                }
                return new ParsedAddress(AddressEncoding.DEFAULT, Arrays.copyOfRange(payload, 1, 21), null);
            }
            case SOLANA: {
                byte[] key = Base58.decode(address);
                if (key.length != 32 || !Base58.encode(key).equals(address)) {
                    throw new IllegalArgumentException("SOL address must be the base58 form of 32 bytes");
                }
                return new ParsedAddress(AddressEncoding.DEFAULT, key, null);
            }
            default:
                throw new IllegalStateException();
        }
    }

    private static byte[] parseEvm(String address) {
        if (address.length() != 42 || !(address.startsWith("0x"))) {
            throw new IllegalArgumentException("EVM address must be 0x + 40 hex digits");
        }
        String hex = address.substring(2);
        byte[] raw;
        try {
            raw = io.openwaas.crypto.util.Hex.decode(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("EVM address is not hex");
        }
        boolean hasLower = !hex.equals(hex.toUpperCase(java.util.Locale.ROOT));
        boolean hasUpper = !hex.equals(hex.toLowerCase(java.util.Locale.ROOT));
        if (hasLower && hasUpper && !eip55(raw).equals(address)) {
            throw new IllegalArgumentException("EVM address has a bad EIP-55 checksum");
        }
        return raw;
    }

    private static ParsedAddress parseBitcoin(BitcoinNetwork net, String address) {
        String lower = address.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith(net.hrp + "1")) {
            Bech32.WitnessProgram wp = Bech32.decodeSegwit(net.hrp, address);
            byte[] script = Bytes.concat(new byte[] {(byte) (wp.version() == 0 ? 0 : 0x50 + wp.version()),
                (byte) wp.program().length}, wp.program());
            if (wp.version() == 0) {
                return new ParsedAddress(wp.program().length == 20 ? AddressEncoding.P2WPKH : null, wp.program(),
                        script);
            }
            if (wp.version() == 1 && wp.program().length == 32) {
                return new ParsedAddress(AddressEncoding.P2TR, wp.program(), script);
            }
            throw new IllegalArgumentException("unsupported witness version " + wp.version() + " / program length "
                    + wp.program().length);
        }
        for (BitcoinNetwork other : BitcoinNetwork.values()) {
            if (other != net && lower.startsWith(other.hrp + "1") && !(net.hrp + "1").startsWith(other.hrp + "1")) {
                throw new IllegalArgumentException("wrong network: " + other.hrp + " address");
            }
        }
        byte[] payload;
        try {
            payload = Base58.decodeCheck(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid " + net + " address: " + e.getMessage());
        }
        if (payload.length != 21) {
            throw new IllegalArgumentException("base58 address payload must be 21 bytes");
        }
        int version = payload[0] & 0xFF;
        byte[] h = Arrays.copyOfRange(payload, 1, 21);
        if (version == net.p2pkhVersion) {
            return new ParsedAddress(AddressEncoding.P2PKH, h,
                    Bytes.concat(new byte[] {0x76, (byte) 0xa9, 0x14}, h, new byte[] {(byte) 0x88, (byte) 0xac}));
        }
        if (version == net.p2shVersion) {
            return new ParsedAddress(AddressEncoding.P2SH_P2WPKH, h,
                    Bytes.concat(new byte[] {(byte) 0xa9, 0x14}, h, new byte[] {(byte) 0x87}));
        }
        throw new IllegalArgumentException("wrong network or type: version byte " + version);
    }

    /**
     * A validated address.
     *
     * @param encoding     the encoding it was recognised as (for a P2SH address: {@code P2SH_P2WPKH}, although the
     *                     script behind it cannot be known; null for P2WSH)
     * @param payload      hash160 / witness program / 20-byte account id / 32-byte ed25519 key
     * @param scriptPubKey the Bitcoin output script (null for other chains)
     */
    public record ParsedAddress(AddressEncoding encoding, byte[] payload, byte[] scriptPubKey) {
    }
}
