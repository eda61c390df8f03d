package dispatch.sync.api;

import java.time.Instant;

/** One attempt log entry: an event on its way to a webhook. */
public record Delivery(long id, String eventSeq, String event, String status, int attempts, Integer lastStatus, String lastError,
        Instant nextAttemptAt, Instant lastAttemptAt, Instant deliveredAt) {
}
