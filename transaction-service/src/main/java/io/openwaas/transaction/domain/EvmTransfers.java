package io.openwaas.transaction.domain;

import io.openwaas.crypto.tx.evm.EvmTransaction;
import io.openwaas.platform.catalogue.Catalogue;
import io.openwaas.platform.money.Amounts;
import io.openwaas.transaction.persistence.TransactionEntity;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;

/**
 * The EIP-1559 transaction of a withdrawal, rebuilt the same way from its stored fields every time (nonce, fees, gas,
 * destination, amount): a native transfer sends the value to the destination; a token transfer calls the token
 * contract's {@code transfer(address,uint256)}.
 */
public final class EvmTransfers {

    /** {@code transfer(address,uint256)}. */
    static final String TRANSFER_SELECTOR = "a9059cbb";
    private static final HexFormat HEX = HexFormat.of();

    private EvmTransfers() {
    }

    /**
     * @param evmChainId EIP-155 chain id
     * @param token      the withdrawal's token (native, or an ERC-20 contract)
     */
    public static EvmTransaction build(TransactionEntity t, long evmChainId, Catalogue.TokenEntry token) {
        String tokenContract = token.contract();
        BigInteger units = Amounts.units(t.amount, token.decimal());
        byte[] to;
        BigInteger value;
        byte[] data;
        if (tokenContract == null) {
            to = account(t.counterparty);
            value = units;
            data = new byte[0];
        } else {
            to = account(tokenContract);
            value = BigInteger.ZERO;
            data = HEX.parseHex(TRANSFER_SELECTOR + word(HEX.formatHex(account(t.counterparty)))
                    + word(units.toString(16)));
        }
        return EvmTransaction.eip1559(evmChainId, BigInteger.valueOf(t.nonce), t.maxPriorityFeePerGas, t.maxFeePerGas,
                t.gasLimit, to, value, data, List.of());
    }

    static byte[] account(String hex) {
        return HEX.parseHex(hex.startsWith("0x") ? hex.substring(2) : hex);
    }

    private static String word(String hex) {
        return "0".repeat(64 - hex.length()) + hex;
    }
}
