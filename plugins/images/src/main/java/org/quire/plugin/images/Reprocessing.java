package org.quire.plugin.images;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.quire.api.PluginLogger;

/**
 * Remakes image copies off the request thread: a page that finds an image without the copies the settings ask for
 * (never processed, or the widths changed) asks here, and the page itself offers what exists meanwhile. One worker
 * thread, each path queued once; an image that could not be processed is not tried again until it is asked for after
 * {@link #retryAll()} (new settings) or {@link #retry(String)} (a new file). When the queue runs dry after a change,
 * {@code changed} runs once, so cached pages pick up the new copies.
 */
final class Reprocessing implements AutoCloseable {

    /** Processes one path; answers whether it wrote anything. */
    interface Work {
        boolean process(String path) throws IOException;
    }

    private static final int REMEMBERED = 10_000;

    private final Work work;
    private final Runnable changed;
    private final PluginLogger logger;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final Set<String> settled = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<String, Boolean>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));
    private final AtomicBoolean wroteSinceLastDrain = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "quire-images-reprocessing");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        return thread;
    });

    Reprocessing(Work work, Runnable changed, PluginLogger logger) {
        this.work = work;
        this.changed = changed;
        this.logger = logger;
    }

    /** Queues {@code path} unless it is queued already or was settled since the last retry. */
    void request(String path) {
        if (settled.contains(path) || !queued.add(path)) {
            return;
        }
        try {
            worker.execute(() -> run(path));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            queued.remove(path);
        }
    }

    /** Forgets which images were settled, after the settings changed. */
    void retryAll() {
        settled.clear();
    }

    /** Forgets that {@code path} was settled, after a new file was stored there. */
    void retry(String path) {
        settled.remove(path);
    }

    private void run(String path) {
        try {
            if (work.process(path)) {
                wroteSinceLastDrain.set(true);
            }
        } catch (IOException | RuntimeException e) {
            logger.error("could not remake the copies of image " + path, e);
        } finally {
            settled.add(path);
            queued.remove(path);
        }
        if (queued.isEmpty() && wroteSinceLastDrain.getAndSet(false)) {
            changed.run();
        }
    }

    /** Waits up to {@code seconds} for the queue to run dry (tests, and an orderly stop). */
    boolean awaitIdle(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!queued.isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
