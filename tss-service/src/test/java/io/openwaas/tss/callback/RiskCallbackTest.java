package io.openwaas.tss.callback;

import io.openwaas.platform.events.tss.TssCurve;
import io.openwaas.platform.events.tss.TssRequest;
import io.openwaas.platform.events.tss.TssRequestType;
import io.openwaas.tss.config.TssConfig;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11 §2: a node without a callback server refuses every request (before the fix it approved all); only the
 * explicitly named approve-all test mode approves, and says so.
 */
class RiskCallbackTest {

    private static TssConfig config(boolean approveAll) {
        TssConfig.Callback callback = (TssConfig.Callback) Proxy.newProxyInstance(TssConfig.class.getClassLoader(),
                new Class<?>[]{TssConfig.Callback.class}, (p, m, a) -> switch (m.getName()) {
                    case "url", "nodePrivateKey", "serverPublicKey" -> Optional.empty();
                    case "approveAllTestMode" -> approveAll;
                    case "envelope" -> "plain";
                    case "maxAttempts" -> 1;
                    default -> Duration.ofSeconds(1);
                });
        return (TssConfig) Proxy.newProxyInstance(TssConfig.class.getClassLoader(), new Class<?>[]{TssConfig.class},
                (p, m, a) -> switch (m.getName()) {
                    case "callback" -> callback;
                    case "nodeId" -> "tss-node-0";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static final TssRequest KEY_GEN = new TssRequest("r1", TssRequestType.KEY_GEN, "org", null,
            System.currentTimeMillis(), null, new TssRequest.KeyGen("g", 2, List.of("tss-node-0", "tss-node-1"),
            List.of(TssCurve.SECP256K1)), null, null);

    @Test
    void withoutACallbackServerEveryRequestIsRefused() {
        RiskCallback callback = new RiskCallback(config(false));
        callback.start(null);
        RiskCallback.Decision d = callback.keyGen(KEY_GEN, TssCurve.SECP256K1, "r1/keygen/SECP256K1");
        assertFalse(d.approved());
        assertTrue(d.error().contains("no callback server configured"), d.error());
        assertFalse(callback.approveAllTestMode());
        assertTrue(callback.status().contains("refuses every request"), callback.status());
    }

    @Test
    void onlyTheNamedTestModeApprovesWithoutAServerAndSaysSo() {
        RiskCallback callback = new RiskCallback(config(true));
        callback.start(null);
        assertTrue(callback.keyGen(KEY_GEN, TssCurve.SECP256K1, "t").approved());
        assertTrue(callback.approveAllTestMode());
        assertTrue(callback.status().startsWith("APPROVE-ALL TEST MODE"), callback.status());
    }
}
