package io.openwaas.tsscallback.server;

import io.openwaas.tsscallback.CallbackFormatException;
import io.openwaas.tsscallback.CallbackRequest;
import io.openwaas.tsscallback.KeySignExtraInfo;
import io.openwaas.tsscallback.ToAddressDetail;
import io.openwaas.tsscallback.server.domain.RiskEngine;
import io.openwaas.tsscallback.server.domain.RiskRules;
import io.openwaas.tsscallback.server.domain.Verdict;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules without HTTP: parsing of the rules file and each rule's edge cases. */
class RiskEngineTest {

    private static RiskRules rules(String json) {
        return RiskRules.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Verdict sign(RiskRules rules, KeySignExtraInfo.Builder extra) {
        return RiskEngine.evaluate(Fixtures.keySign("r", extra.build()), rules);
    }

    @Test
    void emptyRulesApproveEverythingWellFormed() {
        RiskRules open = rules("{}");
        assertEquals(Verdict.approve(), RiskEngine.evaluate(CallbackRequest.ping("r"), open));
        assertEquals(Verdict.approve(), RiskEngine.evaluate(Fixtures.keyGen("r"), open));
        assertEquals(Verdict.approve(), RiskEngine.evaluate(Fixtures.keyReshare("r"), open));
        assertEquals(Verdict.approve(), sign(open, KeySignExtraInfo.builder()));
    }

    @Test
    void limitComparesExactly() {
        RiskRules limit = rules("{\"max_amount_per_token\": {\"ETH\": \"1000000000000000000\"}}");
        assertEquals(Verdict.approve(), sign(limit, KeySignExtraInfo.builder().coin("ETH").amount("1000000000000000000")));
        assertEquals(Verdict.reject("max_amount_per_token", "amount 1000000000000000001 ETH exceeds the limit "
                + "1000000000000000000"), sign(limit, KeySignExtraInfo.builder().coin("ETH").amount("1000000000000000001")));
        // 1e18 + 1 is not representable as a double: a double comparison would have approved it.
        assertEquals(1e18, Double.parseDouble("1000000000000000001"));
        assertEquals(Verdict.approve(), sign(limit, KeySignExtraInfo.builder().coin("ETH").amount("1E+18")));
        assertEquals(Verdict.approve(), sign(limit, KeySignExtraInfo.builder().coin("ETH").amount(" 0 ")));
    }

    @Test
    void missingCoinOrAmountUnderALimit() {
        RiskRules strict = rules("{\"max_amount_per_token\": {\"ETH\": \"10\"}}");
        assertEquals(Verdict.reject("max_amount_per_token", "KeySign names no coin, so its amount limit cannot be checked"),
                sign(strict, KeySignExtraInfo.builder().amount("1")));
        assertEquals(Verdict.reject("max_amount_per_token",
                        "KeySign of ETH carries no amount; the limit 10 cannot be checked"),
                sign(strict, KeySignExtraInfo.builder().coin("ETH")));
        RiskRules lenient = rules("{\"max_amount_per_token\": {\"ETH\": \"10\"}, \"allow_sign_without_amount\": true}");
        assertEquals(Verdict.approve(), sign(lenient, KeySignExtraInfo.builder().coin("ETH")));
        assertEquals(Verdict.approve(), sign(lenient, KeySignExtraInfo.builder()));
        assertEquals(Verdict.reject("max_amount_per_token", "amount 11 ETH exceeds the limit 10"),
                sign(lenient, KeySignExtraInfo.builder().coin("ETH").amount("11")));
    }

    @Test
    void bothAmountAndDetailsAreChecked() {
        RiskRules limit = rules("{\"max_amount_per_token\": {\"BTC\": \"100\"}}");
        assertEquals(Verdict.reject("max_amount_per_token", "to_address_details total 101 BTC exceeds the limit 100"),
                sign(limit, KeySignExtraInfo.builder().coin("BTC").amount("50").toAddressDetails(List.of(
                        new ToAddressDetail("a", "51"), new ToAddressDetail("b", "50")))));
        assertEquals(Verdict.reject("max_amount_per_token", "to_address_details amount 'x' is not a non-negative "
                + "decimal number"), sign(limit, KeySignExtraInfo.builder().coin("BTC").toAddressDetails(List.of(
                new ToAddressDetail("a", "x")))));
    }

    @Test
    void allowlistWithoutDestinationCanBeAllowed() {
        RiskRules allow = rules("{\"address_allowlist\": [\"bc1qa\"], \"allow_sign_without_destination\": true}");
        assertEquals(Verdict.approve(), sign(allow, KeySignExtraInfo.builder().coin("BTC")));
        assertEquals(Verdict.reject("address_allowlist", "destination bc1qb is not in the address allowlist"),
                sign(allow, KeySignExtraInfo.builder().toAddress("bc1qb")));
        assertEquals(Verdict.reject("address_allowlist", "to_address_details holds an entry without to_address"),
                sign(allow, KeySignExtraInfo.builder().toAddressDetails(List.of(new ToAddressDetail(null, "1")))));
    }

    @Test
    void destinationRuleRunsBeforeAmountRule() {
        RiskRules both = rules("{\"address_allowlist\": [\"0xAA\"], \"max_amount_per_token\": {\"ETH\": \"1\"}}");
        assertEquals("address_allowlist",
                sign(both, KeySignExtraInfo.builder().coin("ETH").amount("5").toAddress("0xbb")).rule());
        assertEquals("max_amount_per_token",
                sign(both, KeySignExtraInfo.builder().coin("ETH").amount("5").toAddress("0xaa")).rule());
    }

    @Test
    void malformedDocumentsAreFormatErrorsWhateverTheRules() {
        RiskRules drill = rules("{\"reject_all_with\": \"drill\"}");
        assertThrows(CallbackFormatException.class,
                () -> RiskEngine.evaluate(new CallbackRequest("r", 1, "[]", "{}"), drill));
        assertThrows(CallbackFormatException.class,
                () -> RiskEngine.evaluate(new CallbackRequest("r", 2, "{}", "\"text\""), drill));
        assertThrows(CallbackFormatException.class, () -> RiskEngine.evaluate(new CallbackRequest("r", 2, "{}",
                "{\"to_address_details\": 5}"), drill));
    }

    @Test
    void theExampleRulesFileIsValid() throws Exception {
        RiskRules example = RiskRules.parse(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("rules.example.json")));
        assertEquals(4, example.allowedRequestTypes().size());
        assertEquals(Verdict.reject("max_amount_per_token", "amount 1000000001 ETH_USDT exceeds the limit 1000000000"),
                sign(example, KeySignExtraInfo.builder().coin("ETH_USDT").amount("1000000001")
                        .toAddress("0xabcdef0000000000000000000000000000000001")));
    }

    @Test
    void invalidRulesFilesAreRefusedWithAReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> rules("{\"allowed_request_types\": [\"Sign\"]}"))
                .getMessage().contains("allowed_request_types holds 'Sign'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> rules("{\"max_amount_per_token\": {\"ETH\": \"-1\"}}"))
                .getMessage().contains("max_amount_per_token.ETH must be a non-negative decimal string"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> rules("{\"max_amount_per_token\": {\"ETH\": \"ten\"}}"))
                .getMessage().contains("max_amount_per_token.ETH"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> rules("{\"adress_allowlist\": []}"))
                .getMessage().contains("adress_allowlist"));
        assertThrows(IllegalArgumentException.class, () -> rules("{\"address_allowlist\": [\"\"]}"));
        assertThrows(IllegalArgumentException.class, () -> rules("not json"));
        assertThrows(IllegalArgumentException.class, () -> rules("null"));
    }
}
