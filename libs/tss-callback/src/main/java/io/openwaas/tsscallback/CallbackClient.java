package io.openwaas.tsscallback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The TSS node's side of the risk-control callback: asks the callback server whether to run a task.
 *
 * <p>{@link #check} signs the {@link CallbackRequest} (in its {@link CallbackEnvelope}) with the node's RSA key,
 * posts it as the form field {@value #FORM_FIELD} to {@code <base>/v1/check}, verifies the JWT that comes back with
 * the server's key and reads the {@link CallbackResponse}. An answer counts only if it verifies, names the same
 * {@code request_id} and has {@code status == 0} with action {@code APPROVE} or {@code REJECT}. Anything else — an
 * HTTP error, a timeout, a refused connection, a bad signature, another request id, a status other than 0, an
 * unknown action — is retried with exponential backoff; when the attempts are used up the task is rejected (the
 * protocol: no answer means REJECT). The client never approves by default.
 *
 * <p>{@code check} blocks (network and backoff sleeps): call it from a worker thread, not an event loop. An instance
 * is thread-safe. Key material never appears in a reason or a log line.
 */
public final class CallbackClient {

    /** The form field that carries the request JWT. */
    public static final String FORM_FIELD = "TSS_JWT_MSG";
    /** The path of the check endpoint below the base URL. */
    public static final String CHECK_PATH = "/v1/check";

    private static final System.Logger LOG = System.getLogger(CallbackClient.class.getName());
    private static final int MAX_REASON = 300;
    /** An answer is a JWT of a few hundred bytes; anything much larger is not one. */
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final URI checkUri;
    private final PrivateKey nodeKey;
    private final PublicKey serverKey;
    private final RetryPolicy retry;
    private final HttpClient http;
    private final CallbackEnvelope envelope;

    /**
     * @param baseUrl   the callback server, e.g. {@code http://127.0.0.1:8090}; requests go to
     *                  {@code <baseUrl>/v1/check}
     * @param nodeKey   this node's RSA private key (signs requests)
     * @param serverKey the callback server's RSA public key (verifies answers)
     * @param retry     attempts, backoff and per-attempt timeout
     * @param http      the HTTP client to use (its connect timeout applies too)
     */
    public CallbackClient(URI baseUrl, PrivateKey nodeKey, PublicKey serverKey, RetryPolicy retry, HttpClient http) {
        this(baseUrl, nodeKey, serverKey, retry, http, CallbackEnvelope.PLAIN);
    }

    /**
     * As above, with the envelope requests are sent in ({@link CallbackEnvelope#PACKAGE_DATA} for a server made from
     * Cobo's callback-server template). Answers are read in either envelope, and as the bare token or a JSON string.
     */
    public CallbackClient(URI baseUrl, PrivateKey nodeKey, PublicKey serverKey, RetryPolicy retry, HttpClient http,
                          CallbackEnvelope envelope) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        this.checkUri = URI.create(base + CHECK_PATH);
        this.nodeKey = Objects.requireNonNull(nodeKey, "nodeKey");
        this.serverKey = Objects.requireNonNull(serverKey, "serverKey");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.http = Objects.requireNonNull(http, "http");
        this.envelope = Objects.requireNonNull(envelope, "envelope");
    }

    /** The URL requests are posted to. */
    public URI checkUri() {
        return checkUri;
    }

    /**
     * Asks the callback server about one request, retrying as the {@link RetryPolicy} says.
     *
     * @return the server's decision, or a rejection when no valid answer came (also when the thread is interrupted;
     *         the interrupt flag is then set again)
     */
    public Decision check(CallbackRequest request) {
        Objects.requireNonNull(request, "request");
        String body = FORM_FIELD + "=" + URLEncoder.encode(
                CallbackJwt.sign(envelope.seal(request.toJson(), Instant.now()), nodeKey), StandardCharsets.UTF_8);
        String problem = "no attempt was made";
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            try {
                CallbackResponse response = exchange(body, request.requestId());
                if (CallbackResponse.APPROVE.equals(response.action())) {
                    return new Decision(true, "", attempt);
                }
                String reason = response.error() == null || response.error().isBlank()
                        ? "rejected by the callback server (no reason given)" : response.error();
                return new Decision(false, reason, attempt);
            } catch (AttemptFailed e) {
                problem = e.getMessage();
            } catch (HttpTimeoutException e) {
                problem = "no answer within " + retry.attemptTimeout().toMillis() + " ms";
            } catch (IOException e) {
                problem = "connection failed (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Decision(false, "interrupted while asking the callback server", attempt);
            }
            LOG.log(System.Logger.Level.WARNING, "callback {0} attempt {1}/{2} for request {3}: {4}",
                    checkUri, attempt, retry.maxAttempts(), request.requestId(), problem);
            if (attempt < retry.maxAttempts()) {
                try {
                    Thread.sleep(retry.backoff(attempt).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Decision(false, "interrupted while asking the callback server", attempt);
                }
            }
        }
        return new Decision(false, "callback server gave no valid answer after " + retry.maxAttempts()
                + (retry.maxAttempts() == 1 ? " attempt: " : " attempts: ") + problem, retry.maxAttempts());
    }

    private CallbackResponse exchange(String body, String requestId)
            throws IOException, InterruptedException, AttemptFailed {
        HttpRequest httpRequest = HttpRequest.newBuilder(checkUri)
                .timeout(retry.attemptTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/plain, application/json;q=0.9")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.US_ASCII))
                .build();
        // The request timeout only covers the wait for the response headers; waiting on the future bounds the
        // whole exchange, body included.
        CompletableFuture<HttpResponse<String>> pending = http.sendAsync(httpRequest, info -> limitedBody());
        HttpResponse<String> httpResponse;
        try {
            httpResponse = pending.get(retry.attemptTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new HttpTimeoutException("timed out");
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AttemptFailed failed) {
                throw failed;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? "exchange failed" : cause.getClass().getSimpleName(), cause);
        }
        if (httpResponse.statusCode() != 200) {
            throw new AttemptFailed("HTTP " + httpResponse.statusCode());
        }
        String payload;
        try {
            payload = CallbackJwt.verify(token(httpResponse.body()), serverKey);
        } catch (CallbackJwtException e) {
            throw new AttemptFailed("answer rejected: " + e.getMessage());
        }
        CallbackResponse response;
        try {
            response = CallbackResponse.parse(CallbackEnvelope.open(payload, Instant.now()).json());
        } catch (CallbackFormatException e) {
            throw new AttemptFailed("answer rejected: " + e.getMessage());
        }
        if (response.status() != CallbackResponse.STATUS_OK) {
            throw new AttemptFailed("callback server error (status " + response.status() + "): "
                    + shorten(response.error()));
        }
        if (!requestId.equals(response.requestId())) {
            throw new AttemptFailed("answer is for request_id '" + shorten(response.requestId())
                    + "', not '" + shorten(requestId) + "'");
        }
        if (!CallbackResponse.APPROVE.equals(response.action()) && !CallbackResponse.REJECT.equals(response.action())) {
            throw new AttemptFailed("unknown action '" + shorten(response.action()) + "'");
        }
        return response;
    }

    /** Collects the answer as UTF-8 text, failing once it grows beyond {@value #MAX_ANSWER_BYTES} bytes. */
    private static HttpResponse.BodySubscriber<String> limitedBody() {
        return new HttpResponse.BodySubscriber<>() {
            private final CompletableFuture<String> result = new CompletableFuture<>();
            private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            private Flow.Subscription subscription;

            @Override
            public CompletionStage<String> getBody() {
                return result;
            }

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(List<ByteBuffer> items) {
                if (result.isDone()) {
                    return;
                }
                for (ByteBuffer item : items) {
                    if (buffer.size() + item.remaining() > MAX_ANSWER_BYTES) {
                        subscription.cancel();
                        result.completeExceptionally(new AttemptFailed("answer larger than " + MAX_ANSWER_BYTES
                                + " bytes"));
                        return;
                    }
                    byte[] bytes = new byte[item.remaining()];
                    item.get(bytes);
                    buffer.write(bytes, 0, bytes.length);
                }
            }

            @Override
            public void onError(Throwable throwable) {
                result.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                result.complete(buffer.toString(StandardCharsets.UTF_8));
            }
        };
    }

    /** The answer's token: the body itself, or a JSON string holding it (Cobo's Go template answers that way). */
    private static String token(String body) throws AttemptFailed {
        String b = body == null ? "" : body.strip();
        if (!b.startsWith("\"")) {
            return b;
        }
        try {
            JsonNode node = CallbackJson.mapper().readTree(b);
            if (node != null && node.isTextual()) {
                return node.textValue();
            }
        } catch (JsonProcessingException e) {
            // falls through
        }
        throw new AttemptFailed("answer rejected: the body is neither a JWT nor a JSON string holding one");
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "...";
    }

    /** One attempt that produced no usable answer. */
    private static final class AttemptFailed extends Exception {

        AttemptFailed(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The outcome of {@link #check}.
     *
     * @param approved whether the task may run
     * @param error    why not (the server's reason, or why no valid answer came); empty when approved
     * @param attempts how many HTTP attempts were made
     */
    public record Decision(boolean approved, String error, int attempts) {
    }

    /**
     * How hard {@link #check} tries. Attempt {@code n} (1-based) that fails is followed by a sleep of
     * {@code min(initialBackoff * 2^(n-1), maxBackoff)}.
     *
     * @param maxAttempts    attempts in total, at least 1
     * @param initialBackoff the sleep after the first failure
     * @param maxBackoff     the longest sleep
     * @param attemptTimeout how long one attempt may wait for the whole answer
     */
    public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration attemptTimeout) {

        public RetryPolicy {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            Objects.requireNonNull(attemptTimeout, "attemptTimeout");
            if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
            }
            if (attemptTimeout.isZero() || attemptTimeout.isNegative()) {
                throw new IllegalArgumentException("attemptTimeout must be positive");
            }
        }

        /** 3 attempts, 500 ms then 1 s between them (at most 5 s), 10 s per attempt. */
        public static RetryPolicy defaults() {
            return new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(10));
        }

        /** The sleep after failed attempt {@code attempt} (1-based). */
        public Duration backoff(int attempt) {
            Duration delay = initialBackoff;
            for (int i = 1; i < attempt && delay.compareTo(maxBackoff) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
        }
    }
}
