package org.quire.web.publicsite.input;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often each client posts to each input route, on this instance: a bucket of {@code perMinute} posts per client
 * and route that fills again at that rate. Buckets left full are dropped now and then, so a flood of addresses does
 * not keep memory.
 */
final class RateLimits {

    private static final long MINUTE_NANOS = 60_000_000_000L;
    private static final int PRUNE_EVERY = 1024;

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final java.util.function.LongSupplier nanoClock;
    private int calls;

    RateLimits(java.util.function.LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * Takes one post from the client's bucket.
     *
     * @return 0 when the post may go on, otherwise the seconds until the next one may
     */
    long take(String key, int perMinute) {
        long now = nanoClock.getAsLong();
        if (++calls % PRUNE_EVERY == 0) {
            prune(now);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now));
        synchronized (bucket) {
            double perNano = perMinute / (double) MINUTE_NANOS;
            bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.refilledAt) * perNano);
            bucket.refilledAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perNano / 1_000_000_000L));
        }
    }

    private void prune(long now) {
        // A bucket untouched for a minute is full again: forgetting it changes nothing.
        buckets.entrySet().removeIf(e -> now - e.getValue().refilledAt > MINUTE_NANOS);
    }
}
