package io.openwaas.wallet;

import io.openwaas.platform.auth.CurveType;
import io.openwaas.testkit.auth.SignedClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reference §3.2 and §3.5: chains, tokens and address validity. */
@QuarkusTest
class CatalogueApiTest {

    private static final List<String> CHAINS = List.of("BTC", "XTN", "REGTEST_BTC", "ETH", "SETH", "DEV_ETH", "TRON", "SOL");

    @Test
    void listsTheCatalogueWithFiltersAndPagination() {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519, "read");
        client.get("/v2/wallets/chains?limit=50").then().statusCode(200)
                .body("data.chain_id", equalTo(CHAINS))
                .body("pagination.total_count", equalTo(8))
                .body("pagination.before", equalTo("")).body("pagination.after", equalTo(""));
        client.get("/v2/wallets/chains/DEV_ETH").then().statusCode(200)
                .body("caip2_chain_id", equalTo("eip155:31337")).body("chain_identifier", equalTo("ETH"))
                .body("require_memo", equalTo(false));
        client.get("/v2/wallets/enabled_chains?wallet_type=MPC&wallet_subtype=Org-Controlled&chain_ids=BTC%2CSOL")
                .then().statusCode(200).body("data.chain_id", equalTo(List.of("BTC", "SOL")));
        client.get("/v2/wallets/chains?wallet_type=Custodial").then().statusCode(200).body("data", hasSize(0));

        List<String> paged = new ArrayList<>();
        String after = "";
        do {
            Response page = client.get("/v2/wallets/chains?limit=3" + (after.isEmpty() ? "" : "&after=" + after));
            paged.addAll(page.jsonPath().getList("data.chain_id"));
            after = page.jsonPath().getString("pagination.after");
        } while (!after.isEmpty());
        assertEquals(CHAINS, paged);

        client.get("/v2/wallets/tokens?chain_ids=ETH").then().statusCode(200)
                .body("data.token_id", equalTo(List.of("ETH", "ETH_USDT", "ETH_USDC")))
                .body("data[1].decimal", equalTo(6))
                .body("data[1].fee_token_id", equalTo("ETH"))
                .body("data[1].token_address", equalTo("0xdAC17F958D2ee523a2206206994597C13D831ec7"))
                .body("data[1].asset_model_type", equalTo("Account"));
        client.get("/v2/wallets/enabled_tokens?token_ids=BTC,SOL").then().statusCode(200)
                .body("data.token_id", equalTo(List.of("BTC", "SOL")))
                .body("data[0].dust_threshold", equalTo("0.00000546"))
                .body("data[0].asset_model_type", equalTo("UTXO"));
        client.get("/v2/wallets/tokens/TRON").then().statusCode(200).body("symbol", equalTo("TRX"));
        // the dev chain's ERC-20 (devchain/): deployed by anvil's account 0 as its first contract creation
        client.get("/v2/wallets/tokens/DEV_ETH_USDT").then().statusCode(200)
                .body("chain_id", equalTo("DEV_ETH")).body("decimal", equalTo(6))
                .body("fee_token_id", equalTo("DEV_ETH"))
                .body("token_address", equalTo("0x5FbDB2315678afecb367f032d93F642f64180aa3"));
        client.get("/v2/wallets/tokens?chain_ids=DEV_ETH").then().statusCode(200)
                .body("data.token_id", equalTo(List.of("DEV_ETH", "DEV_ETH_USDT")));
        client.get("/v2/wallets/chains/DEV_ETH").then().statusCode(200).body("confirming_threshold", equalTo(3));
        client.get("/v2/wallets/tokens?limit=50").then().body("pagination.total_count", equalTo(11));
    }

    @Test
    void checksAddressesOnEveryChain() {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519, "read");
        String[][] valid = {
                {"BTC", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"},
                {"BTC", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"},
                {"XTN", "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx"},
                {"REGTEST_BTC", "bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080"},
                {"ETH", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"},
                {"DEV_ETH", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"},
                {"TRON", "TJRabPrwbZy45sbavfcjinPJC18kjpRTv8"},
                {"SOL", "11111111111111111111111111111111"}};
        for (String[] v : valid) {
            client.get("/v2/wallets/check_address_validity?chain_id=" + v[0] + "&address=" + v[1])
                    .then().statusCode(200).body("validity", equalTo(true));
        }
        String[][] invalid = {
                {"BTC", "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx"},  // testnet address on mainnet
                {"BTC", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr"},  // bad checksum
                {"ETH", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"},  // EIP-55 case wrong
                {"ETH", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea"},    // too short
                {"TRON", "TJRabPrwbZy45sbavfcjinPJC18kjpRTv9"},
                {"SOL", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"}};
        for (String[] v : invalid) {
            client.get("/v2/wallets/check_address_validity?chain_id=" + v[0] + "&address=" + v[1])
                    .then().statusCode(200).body("validity", equalTo(false));
        }
        client.get("/v2/wallets/check_addresses_validity?chain_id=ETH&addresses="
                        + "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed%2C0xnothex")
                .then().statusCode(200)
                .body("address", equalTo(List.of("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xnothex")))
                .body("validity", equalTo(List.of(true, false)));
        client.get("/v2/wallets/check_address_chains_validity?address=0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
                        + "&chain_ids=ETH,SETH,BTC")
                .then().statusCode(200).body("validity", equalTo(List.of(true, true, false)));
    }

    @Test
    void badInputIs400() {
        SignedClient client = Fixtures.newOrganization(CurveType.ED25519, "read");
        client.get("/v2/wallets/check_address_validity?chain_id=DOGE&address=x").then().statusCode(400)
                .body("error_message", equalTo("invalid chain_id: 'DOGE' is not a supported chain"));
        client.get("/v2/wallets/check_address_validity?address=x").then().statusCode(400).body("error_code", equalTo(2003));
        client.get("/v2/wallets/check_address_validity?chain_id=BTC").then().statusCode(400);
        client.get("/v2/wallets/check_addresses_validity?chain_id=BTC").then().statusCode(400);
        client.get("/v2/wallets/check_addresses_validity?chain_id=BTC&addresses=" + "a,".repeat(101))
                .then().statusCode(400).body("error_message", equalTo("invalid addresses: at most 100 values"));
        client.get("/v2/wallets/chains?wallet_type=Nope").then().statusCode(400);
        client.get("/v2/wallets/tokens?limit=0").then().statusCode(400);
        client.get("/v2/wallets/chains/DOGE").then().statusCode(404).body("error_code", equalTo(2028));
        client.get("/v2/wallets/tokens/DOGE").then().statusCode(404);
        client.get("/v2/wallets/chains?chain_ids=DOGE").then().statusCode(200).body("data", hasSize(0));
        client.get("/v2/wallets/enabled_chains").then().statusCode(200).body("data.chain_id", hasItems("BTC", "SOL"));
    }
}
