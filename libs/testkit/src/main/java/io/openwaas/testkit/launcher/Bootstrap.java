package io.openwaas.testkit.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.auth.CurveType;
import io.openwaas.platform.auth.ResponseSignature;
import io.openwaas.testkit.auth.ApiKeyPair;
import io.openwaas.testkit.auth.CoboAuthSigner;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * First-start setup of a local installation for {@code bin/waas}.
 *
 * <ul>
 *   <li>{@code Bootstrap keys [--home .waas] [--rsa NAME]...}: creates the operator RSA key pair, the
 *   response-signing seed and, per {@code --rsa}, the RSA key pair {@code keys/NAME.pem} / {@code NAME.pub.pem}
 *   (the TSS callback server's and the nodes' callback keys), and per {@code --ed25519 NAME} the Ed25519 control
 *   identity key {@code keys/NAME.ed25519} (a service or a TSS node: it signs the control records NAME produces),
 *   whichever is missing (the services need them to start); then writes the pins of every {@code --ed25519} key to
 *   {@code keys/control-trusted-keys}.</li>
 *   <li>{@code Bootstrap register [--home .waas] [--url http://127.0.0.1:8080] [--timeout-seconds 120]}: only when
 *   {@code <home>/credentials.env} does not exist: through the gateway, creates the organisation {@code default} and
 *   an Ed25519 API key with scopes read, write, spend, then writes {@code credentials.env} (mode 0600) and checks
 *   the new key with one signed {@code GET /v2/wallets}.</li>
 *   <li>{@code Bootstrap token [--home .waas] [--token-ttl-hours 12]}: renews {@code WAAS_OPERATOR_TOKEN} in an
 *   existing {@code credentials.env} (the services refuse operator tokens older than their
 *   {@code MP_JWT_VERIFY_TOKEN_AGE}); {@code register} takes {@code --token-ttl-hours} too.</li>
 * </ul>
 *
 * <p>Secrets (API secret, operator token, seeds) go to files only, never to the output.
 */
public final class Bootstrap {

    public static final String DEFAULT_URL = "http://127.0.0.1:8080";
    /** How long an operator token written to {@code credentials.env} is valid, unless {@code --token-ttl-hours}. */
    public static final Duration DEFAULT_TOKEN_VALIDITY = Duration.ofHours(12);
    private static final String TOKEN_VARIABLE = "WAAS_OPERATOR_TOKEN=";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path home;
    private final String url;
    private final Duration timeout;
    private final Duration tokenValidity;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Bootstrap(Path home, String url, Duration timeout) {
        this(home, url, timeout, DEFAULT_TOKEN_VALIDITY);
    }

    Bootstrap(Path home, String url, Duration timeout, Duration tokenValidity) {
        this.home = home;
        this.url = url;
        this.timeout = timeout;
        this.tokenValidity = tokenValidity;
    }

    public static Path credentialsFile(Path home) {
        return home.resolve("credentials.env");
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !List.of("keys", "register", "token").contains(args[0])) {
            System.err.println("usage: Bootstrap keys [--home .waas] [--rsa NAME]... [--ed25519 NAME]... | register [--home .waas] [--url "
                    + DEFAULT_URL + "] [--token-ttl-hours 12] | token [--home .waas] [--token-ttl-hours 12]");
            System.exit(2);
        }
        Path home = Path.of(InfraMain.option(args, "--home", ".waas")).toAbsolutePath();
        String url = InfraMain.option(args, "--url", DEFAULT_URL);
        Duration timeout = Duration.ofSeconds(Long.parseLong(InfraMain.option(args, "--timeout-seconds", "120")));
        Duration tokenValidity = Duration.ofHours(Long.parseLong(InfraMain.option(args, "--token-ttl-hours",
                Long.toString(DEFAULT_TOKEN_VALIDITY.toHours()))));
        if (tokenValidity.isNegative() || tokenValidity.isZero()) {
            System.err.println("--token-ttl-hours must be positive");
            System.exit(2);
        }
        if (args[0].equals("keys")) {
            OperatorKeys.ensure(home);
            List<String> control = new java.util.ArrayList<>();
            for (int i = 1; i < args.length - 1; i++) {
                if (args[i].equals("--rsa")) {
                    OperatorKeys.ensureRsaPair(home, args[i + 1]);
                } else if (args[i].equals("--ed25519")) {
                    control.add(args[i + 1]);
                }
            }
            if (!control.isEmpty()) {
                OperatorKeys.writeTrustedKeys(home, control);
            }
            return;
        }
        if (args[0].equals("token")) {
            new Bootstrap(home, url, timeout, tokenValidity).renewToken();
            return;
        }
        try {
            new Bootstrap(home, url, timeout, tokenValidity).register();
        } catch (BootstrapException e) {
            log("FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Creates the default organisation and API key and writes the credentials file, unless it exists. */
    void register() throws Exception {
        Path credentials = credentialsFile(home);
        if (Files.exists(credentials)) {
            log("credentials exist (" + credentials + "), nothing to do");
            return;
        }
        OperatorKeys keys = OperatorKeys.ensure(home);
        String token = keys.operatorToken(Instant.now(), tokenValidity);
        String bearer = "Bearer " + token;

        // The organisation id is remembered, so an interrupted bootstrap does not create a second organisation.
        Path orgFile = home.resolve("keys").resolve("bootstrap-org-id");
        String orgId;
        if (Files.exists(orgFile)) {
            orgId = Files.readString(orgFile).trim();
            log("reusing organisation " + orgId);
        } else {
            JsonNode org = post("/admin/organizations", "{\"name\":\"default\"}", bearer);
            orgId = text(org, "org_id");
            Files.writeString(orgFile, orgId + "\n");
            log("created organisation default: " + orgId);
        }

        ApiKeyPair apiKey = ApiKeyPair.random(CurveType.ED25519);
        String body = "{\"public_key\":\"" + apiKey.apiKey() + "\",\"curve_type\":\"ED25519\","
                + "\"scopes\":[\"read\",\"write\",\"spend\"],\"name\":\"default\"}";
        JsonNode key = post("/admin/organizations/" + orgId + "/api_keys", body, bearer);
        if (!apiKey.apiKey().equals(text(key, "api_key"))) {
            throw new BootstrapException("the platform registered api_key " + text(key, "api_key")
                    + ", expected " + apiKey.apiKey());
        }
        if (!"ACTIVE".equals(text(key, "status"))) {
            throw new BootstrapException("new API key has status " + text(key, "status") + ", expected ACTIVE");
        }
        log("registered Ed25519 API key " + apiKey.apiKey() + " (scopes read, write, spend)");

        String responseKey = ResponseSignature.fromSeedHex(keys.responseSeedHex()).publicKeyHex();
        String env = "# OpenWaaS local credentials, written by bin/waas on first start. Keep this file private.\n"
                + "WAAS_URL=" + url + "\n"
                + "WAAS_API_KEY=" + apiKey.apiKey() + "\n"
                + "WAAS_API_SECRET=" + apiKey.secretHex() + "\n"
                + "WAAS_RESPONSE_PUBLIC_KEY=" + responseKey + "\n"
                + TOKEN_VARIABLE + token + "\n";
        Secrets.writePrivate(credentials, env);
        Files.deleteIfExists(orgFile);
        log("wrote " + credentials + " (mode 0600)");

        checkSignedRequest(apiKey, responseKey);
    }

    /** Replaces the operator token in {@code credentials.env} by a fresh one; nothing when the file does not exist. */
    void renewToken() throws Exception {
        Path credentials = credentialsFile(home);
        if (!Files.exists(credentials)) {
            log("no " + credentials + " yet: no operator token to renew");
            return;
        }
        String token = OperatorKeys.ensure(home).operatorToken(Instant.now(), tokenValidity);
        List<String> lines = new java.util.ArrayList<>();
        boolean replaced = false;
        for (String line : Files.readAllLines(credentials, StandardCharsets.UTF_8)) {
            if (line.startsWith(TOKEN_VARIABLE)) {
                line = TOKEN_VARIABLE + token;
                replaced = true;
            }
            lines.add(line);
        }
        if (!replaced) {
            lines.add(TOKEN_VARIABLE + token);
        }
        Secrets.writePrivate(credentials, String.join("\n", lines) + "\n");
        log("renewed the operator token in " + credentials + " (valid " + tokenValidity.toHours() + " h)");
    }

    /**
     * One signed {@code GET /v2/wallets?limit=10} with the new key; its response signature must verify. The key
     * reaches every service through {@code iam.api-keys}, so the first attempts may be refused for a moment.
     */
    private void checkSignedRequest(ApiKeyPair apiKey, String responsePublicKey) throws Exception {
        CoboAuthSigner signer = new CoboAuthSigner(apiKey);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<byte[]> last = null;
        while (System.nanoTime() < deadline) {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url + "/v2/wallets?limit=10"))
                    .timeout(Duration.ofSeconds(10)).GET();
            signer.headers("GET", "/v2/wallets", "limit=10", "").forEach(req::header);
            last = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (last.statusCode() == 200) {
                String ts = last.headers().firstValue(ResponseSignature.TIMESTAMP_UNDERSCORE).orElse("");
                String sig = last.headers().firstValue(ResponseSignature.SIGNATURE_UNDERSCORE).orElse("");
                if (!ResponseSignature.verify(responsePublicKey, last.body(), ts, sig)) {
                    throw new BootstrapException("GET /v2/wallets answered 200 but its response signature does not verify");
                }
                log("checked: signed GET /v2/wallets -> 200, response signature valid");
                return;
            }
            Thread.sleep(250);
        }
        throw new BootstrapException("signed GET /v2/wallets with the new key still answers "
                + (last == null ? "nothing" : last.statusCode() + " " + new String(last.body(), StandardCharsets.UTF_8)));
    }

    /** POSTs JSON with the operator token, retrying while the platform is not reachable yet; expects 201. */
    private JsonNode post(String path, String json, String bearer) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastProblem = "";
        while (System.nanoTime() < deadline) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", bearer)
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 201 || status == 200) {
                    return JSON.readTree(response.body());
                }
                lastProblem = status + " " + response.body();
                if (status != 502 && status != 503) {
                    throw new BootstrapException("POST " + path + " answered " + lastProblem);
                }
            } catch (ConnectException e) {
                lastProblem = "connection refused";
            }
            Thread.sleep(500);
        }
        throw new BootstrapException("POST " + path + " did not succeed within " + timeout.toSeconds() + " s: " + lastProblem);
    }

    private static String text(JsonNode node, String field) throws BootstrapException {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode()) {
            throw new BootstrapException("response has no " + field + ": " + node);
        }
        return value.asText();
    }

    static void log(String message) {
        System.out.println(java.time.LocalTime.now().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")) + " [bootstrap] " + message);
    }

    static final class BootstrapException extends Exception {
        BootstrapException(String message) {
            super(message);
        }
    }

    /** For tests: the parsed credentials file. */
    static Map<String, String> readCredentials(Path file) throws IOException {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }
}
