package io.openwaas.tss.callback;

import io.openwaas.platform.events.tss.TssCurve;
import io.openwaas.platform.events.tss.TssRequest;
import io.openwaas.tss.config.TssConfig;
import io.openwaas.tss.node.NodeKeys;
import io.openwaas.tsscallback.CallbackClient;
import io.openwaas.tsscallback.CallbackEnvelope;
import io.openwaas.tsscallback.CallbackRequest;
import io.openwaas.tsscallback.KeyGenDetail;
import io.openwaas.tsscallback.KeyGenExtraInfo;
import io.openwaas.tsscallback.KeyReshareDetail;
import io.openwaas.tsscallback.KeyReshareExtraInfo;
import io.openwaas.tsscallback.KeySignDetail;
import io.openwaas.tsscallback.KeySignExtraInfo;
import io.openwaas.tsscallback.RsaPem;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import java.util.UUID;

/**
 * The node's risk check (seed 003): before it takes part in a KeyGen, KeySign or KeyReshare — and as a Ping at start —
 * it asks its callback server, with an RS256 JWT signed by its RSA key, and acts on the verified answer. No valid
 * answer after the retries is a REJECT. Without a configured server the node refuses every request — unless it was
 * started in the approve-all test mode ({@code openwaas.tss.callback.approve-all-test-mode}), which it logs and shows
 * in its status.
 */
@ApplicationScoped
public class RiskCallback {

    private static final Logger LOG = Logger.getLogger(RiskCallback.class);

    private final TssConfig config;
    private volatile CallbackClient client;
    private volatile String status = "starting";

    public RiskCallback(TssConfig config) {
        this.config = config;
    }

    public void start(NodeKeys keys) {
        TssConfig.Callback cb = config.callback();
        if (cb.url().isEmpty()) {
            if (cb.approveAllTestMode()) {
                status = "APPROVE-ALL TEST MODE: no callback server configured, this node approves every request (tests only)";
                LOG.error("**** " + status + " ****");
            } else {
                status = "no callback server configured: this node refuses every request";
                LOG.warn(status);
            }
            return;
        }
        String serverKey = cb.serverPublicKey().orElseThrow(() -> new IllegalStateException(
                "openwaas.tss.callback.server-public-key is required with openwaas.tss.callback.url"));
        CallbackEnvelope envelope = CallbackEnvelope.parse(cb.envelope());
        try {
            client = new CallbackClient(URI.create(cb.url().get()), nodeKey(keys), RsaPem.readPublicKey(Path.of(serverKey)),
                    new CallbackClient.RetryPolicy(cb.maxAttempts(), cb.initialBackoff(), cb.maxBackoff(),
                            cb.attemptTimeout()),
                    HttpClient.newBuilder().connectTimeout(cb.attemptTimeout()).build(),
                    envelope);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the callback server's public key " + serverKey);
        }
        String server = "callback server " + cb.url().get()
                + (envelope == CallbackEnvelope.PLAIN ? "" : " (" + cb.envelope() + " envelope)");
        status = server + ": Ping pending";
        Thread ping = new Thread(() -> {
            // Ping at start, and again every few seconds until the server approves (it may start after the node)
            while (true) {
                CallbackClient.Decision d = client.check(CallbackRequest.ping(UUID.randomUUID().toString()));
                status = server + ": Ping " + (d.approved() ? "APPROVE" : "REJECT (" + d.error() + ")");
                LOG.info(status);
                if (d.approved()) {
                    return;
                }
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "tss-callback-ping");
        ping.setDaemon(true);
        ping.start();
    }

    private static PrivateKey nodeKey(NodeKeys keys) {
        return keys.callbackKey().getPrivate();
    }

    public boolean configured() {
        return config.callback().url().isPresent();
    }

    /** Whether the node approves every request itself (no callback server, approve-all test mode). */
    public boolean approveAllTestMode() {
        return !configured() && config.callback().approveAllTestMode();
    }

    public String status() {
        return status;
    }

    /** A decision: approved, or rejected with the reason. */
    public record Decision(boolean approved, String error) {
        static final Decision APPROVE = new Decision(true, null);
        static final Decision NO_SERVER = new Decision(false, "no callback server configured: this node refuses "
                + "every request (openwaas.tss.callback.url)");
    }

    private Decision ask(CallbackRequest request) {
        CallbackClient c = client;
        if (c == null) {
            return approveAllTestMode() ? Decision.APPROVE : Decision.NO_SERVER;
        }
        CallbackClient.Decision d = c.check(request);
        return d.approved() ? Decision.APPROVE : new Decision(false, d.error());
    }

    public Decision keyGen(TssRequest r, TssCurve curve, String task) {
        TssRequest.KeyGen k = r.keyGen();
        return ask(CallbackRequest.keyGen(UUID.randomUUID().toString(),
                new KeyGenDetail(k.threshold(), k.nodeIds(), curve.callbackCode(), task),
                new KeyGenExtraInfo(r.requestId(), r.apiRequestId())));
    }

    public Decision keySign(TssRequest r, String task) {
        TssRequest.KeySign s = r.keySign();
        com.fasterxml.jackson.databind.node.ObjectNode extra = s.extraInfo() instanceof com.fasterxml.jackson.databind.node.ObjectNode o
                ? o.deepCopy() : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        extra.put("cobo_id", r.requestId());
        if (r.apiRequestId() != null) {
            extra.put("api_request_id", r.apiRequestId());
        }
        return ask(CallbackRequest.keySign(UUID.randomUUID().toString(),
                new KeySignDetail(s.groupId(), s.rootPubKey(), s.usedNodeIds(), s.bip32PathList(), s.msgHashList(),
                        s.tweakList() == null ? List.of() : s.tweakList(), s.signatureType().callbackCode(),
                        s.signatureType().protocolCode(), task),
                new KeySignExtraInfo(extra)));
    }

    public Decision keyReshare(TssRequest r, TssCurve curve, String root, String task) {
        TssRequest.KeyReshare k = r.keyReshare();
        return ask(CallbackRequest.keyReshare(UUID.randomUUID().toString(),
                new KeyReshareDetail(k.oldGroupId(), root, curve.callbackCode(), k.usedNodeIds(), k.oldThreshold(),
                        k.newThreshold(), k.newNodeIds(), task),
                new KeyReshareExtraInfo(r.requestId(), r.apiRequestId())));
    }
}
