package io.openwaas.gateway;

import io.openwaas.gateway.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Path-prefix routing with the Vert.x HTTP reverse proxy. Method, raw URI (path and query as received), headers
 * (except the hop-by-hop ones) and body go to the backend unchanged; its status, headers and body come back
 * unchanged. The gateway answers itself only for {@code /q/*} (health), unknown prefixes and non-canonical spellings
 * of a path (404: {@link RouteTable#canonical}) and unreachable backends (502), both with the error envelope.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);
    private static final String JSON = "application/json";

    private final GatewayConfig config;
    private final Vertx vertx;
    private final RouteTable table;
    private final Map<String, HttpProxy> proxies = new HashMap<>();
    private final Map<String, HttpClient> clients = new HashMap<>();

    public GatewayRoutes(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
        this.table = RouteTable.of(config);
    }

    void register(@Observes Router router) {
        for (Map.Entry<String, GatewayConfig.Backend> b : config.backends().entrySet()) {
            URI url = b.getValue().url();
            if (!"http".equals(url.getScheme()) || url.getHost() == null) {
                throw new IllegalArgumentException("backend " + b.getKey() + ": url must be http://host:port, got " + url);
            }
            int port = url.getPort() > 0 ? url.getPort() : 80;
            HttpClient client = vertx.createHttpClient(
                    new HttpClientOptions()
                            .setKeepAlive(true)
                            .setConnectTimeout((int) config.connectTimeout().toMillis())
                            .setDecompressionSupported(false),
                    new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerBackend()));
            SocketAddress origin = SocketAddress.inetSocketAddress(port, url.getHost());
            long idleTimeout = config.backendIdleTimeout().toMillis();
            HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                    .originRequestProvider((serverRequest, httpClient) -> httpClient
                            .request(new RequestOptions().setServer(origin).setIdleTimeout(idleTimeout))
                            .onSuccess(backendRequest -> releaseWhenClientLeaves(serverRequest, backendRequest)))
                    .addInterceptor(new Transparent(b.getKey()));
            clients.put(b.getKey(), client);
            proxies.put(b.getKey(), proxy);
            LOG.infof("route %s -> %s:%d %s", b.getKey(), url.getHost(), port, b.getValue().prefixes());
        }
        router.route().order(Integer.MAX_VALUE - 10).handler(this::route);
    }

    void close(@Observes ShutdownEvent event) {
        clients.values().forEach(HttpClient::close);
    }

    private void route(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.startsWith("/q/") || path.equals("/q")) {
            ctx.next();
            return;
        }
        if (!RouteTable.canonical(ctx.request().path(), path)) {
            // Forwarded as spelled, it would reach a backend resource other than the one routed on.
            send(ctx.response(), 404, ErrorEnvelope.of(ErrorEnvelope.NO_ROUTE, "No service serves this path spelling"));
            return;
        }
        String backend = table.backendFor(path).orElse(null);
        if (backend == null) {
            send(ctx.response(), 404, ErrorEnvelope.of(ErrorEnvelope.NO_ROUTE, "No service serves this path"));
            return;
        }
        proxies.get(backend).handle(ctx.request());
    }

    /**
     * When the client's connection closes before the exchange is over, the backend exchange is reset, which closes
     * that backend connection. Without this, a backend response arriving for a client that has gone stays unread and
     * keeps its pooled connection for ever (the proxy library releases it only while the request is being sent).
     */
    private static void releaseWhenClientLeaves(HttpServerRequest serverRequest, HttpClientRequest backendRequest) {
        HttpServerResponse response = serverRequest.response();
        if (response.closed()) {
            backendRequest.reset();
            return;
        }
        response.closeHandler(v -> backendRequest.reset());
    }

    private static void send(HttpServerResponse response, int status, Buffer body) {
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(body);
    }

    /**
     * Keeps the exchange transparent where the proxy library would not: the client's {@code Host} goes to the
     * backend, and the backend's {@code Date} comes back as it was (the library re-formats it, or adds one when the
     * backend sent none). Answers 502 with the envelope when the backend cannot be reached.
     */
    private static final class Transparent implements ProxyInterceptor {

        private final String backend;

        Transparent(String backend) {
            this.backend = backend;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            // Keep the client's Host header (the library would otherwise send the backend's address).
            context.request().setAuthority(context.request().proxiedRequest().authority());
            return context.sendRequest().recover(err -> {
                if (context.request().proxiedRequest().response().closed()) {
                    // The client went away (and the library reset the backend request): nobody to answer.
                    LOG.debugf("client closed %s %s before the backend answered", context.request().getMethod(),
                            context.request().proxiedRequest().path());
                    return Future.failedFuture(err);
                }
                LOG.warnf("backend %s unreachable for %s %s: %s", backend, context.request().getMethod(),
                        context.request().proxiedRequest().path(), err.toString());
                ProxyResponse response = context.request().release().response()
                        .setStatusCode(502)
                        .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                        .setBody(Body.body(ErrorEnvelope.of(ErrorEnvelope.BAD_GATEWAY, "Service unavailable")));
                return Future.succeededFuture(response);
            });
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            String date = context.response().headers().get(HttpHeaders.DATE);
            HttpServerResponse out = context.request().proxiedRequest().response();
            out.headersEndHandler(v -> {
                if (date == null) {
                    out.headers().remove(HttpHeaders.DATE);
                } else {
                    out.headers().set(HttpHeaders.DATE, date);
                }
            });
            return context.sendResponse();
        }
    }
}
