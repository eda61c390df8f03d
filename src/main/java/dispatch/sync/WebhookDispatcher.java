package dispatch.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dispatch.common.NewsConfig;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox: claims due deliveries (SKIP LOCKED, so several instances share the work),
 * sends each signed, and records the outcome. A delivery waits while an earlier one for the same
 * webhook and article is pending: events of one article arrive in order. Failures are retried with
 * exponential backoff; after {@code maxAttempts} a delivery is marked failed and stops blocking.
 */
@ApplicationScoped
class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 20;
    private static final String CLAIM = """
            with due as (
                select d.id from webhook_deliveries d
                where d.status = 'pending' and d.next_attempt_at <= now()
                  and not exists (select 1 from webhook_deliveries e where e.webhook_id = d.webhook_id
                                  and e.ordering_key = d.ordering_key and e.status = 'pending' and e.event_seq < d.event_seq)
                order by d.event_seq
                limit ?
                for update of d skip locked)
            update webhook_deliveries d set next_attempt_at = now() + interval '2 minutes', last_attempt_at = now()
            from due, webhooks w, events ev
            where d.id = due.id and w.id = d.webhook_id and ev.seq = d.event_seq
            returning d.id, d.attempts, w.id, w.url, w.secret, ev.seq, ev.type, ev.occurred_at, ev.payload::text""";

    record Claimed(long id, int attempts, String webhookId, String url, String secret, long seq, String type, Instant occurredAt,
            String payload) {
    }

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final NewsConfig.Webhooks config;
    private final HttpClient http;

    WebhookDispatcher(DataSource dataSource, ObjectMapper json, NewsConfig config, Vertx vertx) {
        this.dataSource = dataSource;
        this.json = json;
        this.config = config.webhooks();
        // Vert.x's client, which connects to a given address (the one checked) while it speaks to the URL's host
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) this.config.timeout().toMillis())
                .setVerifyHost(true));
    }

    @Scheduled(every = "${news.webhooks.poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        try {
            List<Claimed> claimed;
            do {
                claimed = claim();
                for (Claimed delivery : claimed) {
                    deliver(delivery);
                }
            } while (claimed.size() == BATCH);
        } catch (SQLException e) {
            LOG.warnf("Webhook deliveries paused: %s", e.getMessage());
        }
    }

    private List<Claimed> claim() throws SQLException {
        List<Claimed> claimed = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setInt(1, BATCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6),
                            rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9)));
                }
            }
        }
        return claimed;
    }

    private void deliver(Claimed d) throws SQLException {
        WebhookTargets.Resolution resolution = WebhookTargets.resolve(d.url(), config.allowPrivateTargets(), InetAddress::getAllByName);
        if (resolution.refusal() != null) {
            record(d, null, "target refused: " + resolution.refusal());
            return;
        }
        String body = body(d);
        long timestamp = Instant.now().getEpochSecond();
        URI uri = resolution.target().uri();
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(d.url())
                .setTimeout(config.timeout().toMillis()).setFollowRedirects(false)
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "Dispatch-Webhooks/1.0")
                .putHeader("X-Event-Id", Long.toString(d.seq()))
                .putHeader("X-Event-Type", d.type())
                .putHeader("X-Webhook-Id", d.webhookId())
                .putHeader("X-Signature", signature(d.secret(), timestamp, body));
        InetAddress checked = resolution.target().address();
        if (checked != null) {
            // to the address that was checked, not to whatever the name resolves to by now; Host and TLS keep the name
            int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            request.setServer(SocketAddress.inetSocketAddress(port, checked.getHostAddress()));
        }
        try {
            int status = http.request(request)
                    .compose(sent -> sent.send(Buffer.buffer(body, StandardCharsets.UTF_8.name())))
                    .compose(response -> response.handler(ignored -> { }).end().map(done -> response.statusCode()))
                    .toCompletionStage().toCompletableFuture()
                    .get(2 * config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            record(d, status, status / 100 == 2 ? null : "HTTP " + status);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            record(d, null, cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        } catch (TimeoutException e) {
            record(d, null, "no answer within " + config.timeout().multipliedBy(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}: receivers recompute it and reject old timestamps. */
    static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String body(Claimed d) {
        try {
            ObjectNode body = json.createObjectNode();
            body.put("id", Long.toString(d.seq()));
            body.put("type", d.type());
            body.put("occurredAt", d.occurredAt().toString());
            body.set("data", json.readTree(d.payload()));
            return json.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void record(Claimed d, Integer status, String error) throws SQLException {
        int attempts = d.attempts() + 1;
        boolean delivered = error == null;
        boolean failed = !delivered && attempts >= config.maxAttempts();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update webhook_deliveries set attempts = ?, last_status = ?, last_error = ?, status = ?, "
                        + "delivered_at = case when ? then now() else delivered_at end, next_attempt_at = now() + ? * interval '1 millisecond' "
                        + "where id = ?")) {
            ps.setInt(1, attempts);
            ps.setObject(2, status);
            ps.setString(3, error);
            ps.setString(4, delivered ? "delivered" : failed ? "failed" : "pending");
            ps.setBoolean(5, delivered);
            ps.setLong(6, delivered || failed ? 0 : backoff(attempts).toMillis());
            ps.setLong(7, d.id());
            ps.executeUpdate();
        }
        if (!delivered) {
            LOG.debugf("Webhook delivery %d (%s) failed on attempt %d: %s", d.id(), d.type(), attempts, error);
        }
    }

    /** 1x, 2x, 4x ... the base wait, capped. */
    Duration backoff(int attempts) {
        long factor = 1L << Math.min(30, Math.max(0, attempts - 1));
        Duration wait = config.retryBase().multipliedBy(factor);
        return wait.compareTo(config.retryMax()) > 0 ? config.retryMax() : wait;
    }
}
