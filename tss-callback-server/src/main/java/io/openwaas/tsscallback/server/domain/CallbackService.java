package io.openwaas.tsscallback.server.domain;

import io.openwaas.tsscallback.CallbackEnvelope;
import io.openwaas.tsscallback.CallbackFormatException;
import io.openwaas.tsscallback.CallbackRequest;
import io.openwaas.tsscallback.CallbackResponse;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * The check use case: verify the node's JWT, read the request, apply the rules, log the decision, and sign the
 * answer. Every outcome — including a request that cannot be verified or read — is a signed
 * {@link CallbackResponse} and one logged {@link Decision}; errors carry a short text, never a stack trace.
 *
 * <p>Answer statuses: 0 = the rules decided (APPROVE or REJECT); {@value #STATUS_BAD_REQUEST} = the request did not
 * verify with any node key or could not be read; {@value #STATUS_SERVER_ERROR} = this server could not record its
 * decision (the decision log could not be written), so it does not approve.
 */
@Singleton
public class CallbackService {

    /** The request did not verify or could not be read. */
    public static final int STATUS_BAD_REQUEST = CallbackResponse.STATUS_BAD_REQUEST;
    /** The server failed (the decision could not be recorded). */
    public static final int STATUS_SERVER_ERROR = 2;

    private static final Logger LOG = Logger.getLogger(CallbackService.class);

    private final CallbackKeys keys;
    private final RuleBook ruleBook;
    private final DecisionLog decisionLog;

    public CallbackService(CallbackKeys keys, RuleBook ruleBook, DecisionLog decisionLog) {
        this.keys = keys;
        this.ruleBook = ruleBook;
        this.decisionLog = decisionLog;
    }

    /**
     * Answers one {@code TSS_JWT_MSG}.
     *
     * @param jwt the form field's value, null if the field was missing
     * @return the signed answer (a compact JWS)
     */
    public String check(String jwt) {
        if (jwt == null || jwt.isBlank()) {
            return refuse(null, null, "form field TSS_JWT_MSG is missing or empty", "parse");
        }
        Optional<CallbackKeys.Verified> verified = keys.verify(jwt);
        if (verified.isEmpty()) {
            return refuse(null, null, "TSS_JWT_MSG is not an RS256 JWT signed by a configured TSS node key",
                    "verification");
        }
        String nodeKey = verified.get().nodeKey();
        CallbackEnvelope.Opened opened;
        CallbackRequest request;
        try {
            opened = CallbackEnvelope.open(verified.get().payload(), Instant.now());
        } catch (CallbackFormatException e) {
            return refuse(null, nodeKey, "the JWT payload cannot be read: " + e.getMessage(), "parse");
        }
        // The answer goes back in the envelope the node used (plain JSON, or Cobo's package_data claim).
        CallbackEnvelope envelope = opened.envelope();
        try {
            request = CallbackRequest.parse(opened.json());
        } catch (CallbackFormatException e) {
            return refuse(null, nodeKey, envelope, "the JWT payload is not a CallbackRequest: " + e.getMessage(),
                    "parse");
        }
        Verdict verdict;
        try {
            verdict = RiskEngine.evaluate(request, ruleBook.current());
        } catch (CallbackFormatException e) {
            return refuse(request, nodeKey, envelope, "request " + request.requestId() + " is malformed: "
                    + e.getMessage(), "parse");
        }
        CallbackResponse response = new CallbackResponse(CallbackResponse.STATUS_OK, request.requestId(),
                verdict.action(), verdict.error());
        return answer(request, nodeKey, envelope, response, verdict.rule());
    }

    /**
     * Answers a request that could not even be read (not a form, a malformed form): a signed status-1 response.
     */
    public String refuse(String error) {
        return refuse(null, null, error, "parse");
    }

    private String refuse(CallbackRequest request, String nodeKey, String error, String rule) {
        return refuse(request, nodeKey, CallbackEnvelope.PLAIN, error, rule);
    }

    private String refuse(CallbackRequest request, String nodeKey, CallbackEnvelope envelope, String error,
                          String rule) {
        String requestId = request == null ? "" : request.requestId();
        return answer(request, nodeKey, envelope, CallbackResponse.failure(STATUS_BAD_REQUEST, requestId, error),
                rule);
    }

    private String answer(CallbackRequest request, String nodeKey, CallbackEnvelope envelope,
                          CallbackResponse response, String rule) {
        Decision decision = new Decision(Instant.now().toString(), response.requestId(),
                request == null ? null : request.requestType(), response.status(), response.action(),
                response.error(), rule, nodeKey);
        try {
            decisionLog.append(decision);
        } catch (IOException e) {
            LOG.errorf("cannot write the decision log %s (%s); answering status %d instead of %s",
                    decisionLog.file(), e.getMessage(), STATUS_SERVER_ERROR, response.action());
            response = CallbackResponse.failure(STATUS_SERVER_ERROR, response.requestId(),
                    "the callback server cannot record its decision");
        }
        return keys.sign(envelope.seal(response.toJson(), Instant.now()));
    }
}
