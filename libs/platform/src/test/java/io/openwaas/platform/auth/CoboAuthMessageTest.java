package io.openwaas.platform.auth;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoboAuthMessageTest {

    @Test
    void stringToSignHasFivePartsWithTrailingBar() {
        assertEquals("GET|/v2/wallets|1795284526567|limit=10|",
                CoboAuthMessage.stringToSign("get", "/v2/wallets", "1795284526567", "limit=10", ""));
    }

    @Test
    void digestIsDoubleSha256() {
        // SHA-256(SHA-256("abc")), a published value (Bitcoin's hash256 of "abc").
        assertEquals("4f8b42c22dd3729b519ba6f68d2da7cc5b2d606d05daed5ad5128cc03e6c6358",
                HexFormat.of().formatHex(CoboAuthMessage.digest("abc")));
    }

    @Test
    void queryKeepsArrivalOrderDropsEmptyValuesAndReEncodesPerSdk() {
        Set<String> candidates = CoboAuthMessage.queryCandidates("b=2&a=1&empty=&c=x%20y%2Az~");
        assertEquals(Set.of(
                "b=2&a=1&c=x+y*z%7E",   // Java URLEncoder
                "b=2&a=1&c=x+y%2Az~",   // Python quote_plus
                "b=2&a=1&c=x+y*z~"),    // JavaScript encodeURIComponent, %20 -> +
                candidates);
        assertEquals(Set.of(""), CoboAuthMessage.queryCandidates(""));
        assertEquals(Set.of(""), CoboAuthMessage.queryCandidates(null));
        assertTrue(CoboAuthMessage.queryCandidates("ids=a%2Cb%7Cc").contains("ids=a%2Cb%7Cc"));
    }

    @Test
    void canonicalQueryIsTheJavaStyle() {
        assertEquals("q=a+b", CoboAuthMessage.canonicalQuery(List.of(Map.entry("q", "a b"))));
    }

    @Test
    void pathIsTriedRawAndDecoded() {
        assertEquals(Set.of("/v2/wallets/w/addresses/a%7Cm/tokens", "/v2/wallets/w/addresses/a|m/tokens"),
                CoboAuthMessage.pathCandidates("/v2/wallets/w/addresses/a%7Cm/tokens"));
        assertEquals(Set.of("/v2/wallets"), CoboAuthMessage.pathCandidates("/v2/wallets"));
    }
}
