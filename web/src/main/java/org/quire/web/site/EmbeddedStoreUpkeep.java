package org.quire.web.site;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the embedded H2 database's file near the size of its data.
 * <p>
 * Quire runs H2 with {@code WRITE_DELAY=0}, so that a commit is in the file when it returns. H2 then starts no
 * background writer, and that thread is also what rewrites chunks left mostly empty by later commits. Without it,
 * every commit leaves a chunk behind that is never freed: importing 10,000 posts left a 4.4 GB file for 0.2 GB of
 * data. This bean does that upkeep instead: every minute it rewrites the live pages of sparse chunks, so that the
 * chunks die and their space is written again; after a bulk write (an import, a restore) it also moves the chunks to
 * the front of the file and cuts off its end. On PostgreSQL, MariaDB and an in-memory H2 it does nothing.
 */
@ApplicationScoped
public class EmbeddedStoreUpkeep {

    private static final Logger LOG = Logger.getLogger(EmbeddedStoreUpkeep.class);

    /** Chunks with less live data than this share (percent) are rewritten. */
    static final int CHUNK_FILL_TARGET = 50;
    /** A shrinking file stops moving chunks once this share of it (percent) is in use. */
    static final int FILE_FILL_TARGET = 90;
    /** Written per step, so that commits waiting for the store lock wait for one step, not the whole upkeep. */
    private static final int STEP_BYTES = 16 << 20;
    /** Moved per step when shrinking. */
    private static final long MOVE_BYTES = 64 << 20;

    /** What an upkeep did, for the log. */
    public record Tidied(long bytesBefore, long bytesAfter, Duration took) {

        @Override
        public String toString() {
            return String.format("the database file went from %,d MB to %,d MB in %.1f s", bytesBefore >> 20,
                    bytesAfter >> 20, took.toMillis() / 1000.0);
        }
    }

    @Inject
    DataSource dataSource;

    /** Whether the database is an H2 file; unknown (null) until asked once. */
    private volatile Boolean embeddedFile;

    @Scheduled(every = "${quire.database.upkeep.every:1m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void everyMinute() {
        // With the retention time as it is: only chunks no file system can still be writing.
        run(store -> {
            rewriteSparseChunks(store, Duration.ofSeconds(2));
            return null;
        });
    }

    /**
     * During a bulk write: rewrites the sparse chunks so that their space is written again by what comes next, rather
     * than the file growing by all of it. Cheaper than {@link #tidy()}, which also moves what is left to the front.
     */
    public void reclaim() {
        run(store -> withoutRetention(store, () -> rewriteSparseChunks(store, Duration.ofMinutes(1))));
    }

    /**
     * After a bulk write (an import, a restore): rewrites every sparse chunk, then shrinks the file. Holds the store
     * a step at a time, so requests go on meanwhile, slower. Empty when the database is not an H2 file.
     */
    public Optional<Tidied> tidy() {
        Optional<Tidied> tidied = run(store -> tidy(store, Duration.ofMinutes(2)));
        tidied.filter(t -> t.bytesBefore() - t.bytesAfter() >= MOVE_BYTES)
                .ifPresent(t -> LOG.infof("Embedded database tidied: %s", t));
        return tidied;
    }

    // One upkeep at a time: the bulk one lowers the retention time that the scheduled one relies on.
    private synchronized Optional<Tidied> run(java.util.function.Function<MVStore, Tidied> upkeep) {
        if (Boolean.FALSE.equals(embeddedFile)) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = embeddedStore(connection);
            embeddedFile = store != null;
            return store == null ? Optional.empty() : Optional.ofNullable(upkeep.apply(store));
        } catch (SQLException | RuntimeException e) {
            // Upkeep can wait for the next turn; it never fails what the application is doing.
            LOG.warnf("Embedded database upkeep failed: %s", e.toString());
            return Optional.empty();
        }
    }

    /** The H2 store behind a connection when it keeps a file, else null. */
    static MVStore embeddedStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        return store.getFileStore() instanceof RandomAccessStore && !store.isReadOnly() ? store : null;
    }

    /** Rewrites sparse chunks, then shrinks the file, each within {@code budget}. */
    static Tidied tidy(MVStore store, Duration budget) {
        return withoutRetention(store, () -> {
            rewriteSparseChunks(store, budget);
            shrink(store, (RandomAccessStore) store.getFileStore(), budget);
        });
    }

    /**
     * Runs an upkeep with H2's retention time at 0. H2 rewrites and moves only chunks older than the retention time
     * (kept for file systems that write late), and a bulk write has just made most of them. Closing a database does
     * the same; here the file is synced after each step instead, so that space is only written over once what
     * replaced it is on the disk.
     */
    private static Tidied withoutRetention(MVStore store, Runnable upkeep) {
        FileStore<?> file = store.getFileStore();
        long before = file.size();
        long started = System.nanoTime();
        int retention = store.getRetentionTime();
        file.sync();
        store.setRetentionTime(0);
        try {
            upkeep.run();
        } finally {
            file.sync();
            store.setRetentionTime(retention);
        }
        return new Tidied(before, file.size(), Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Copies the live pages of chunks below {@link #CHUNK_FILL_TARGET} into new chunks, a step at a time, until none
     * is left or the budget is spent. The old chunks are then free, and written over once the retention time has
     * passed.
     */
    static void rewriteSparseChunks(MVStore store, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        while (store.getFileStore().getChunksFillRate() < CHUNK_FILL_TARGET && System.nanoTime() < deadline
                && store.compact(CHUNK_FILL_TARGET, STEP_BYTES)) {
            // The rewritten pages are only kept by a commit; until then the next step would find the same chunks.
            store.commit();
            if (store.getRetentionTime() == 0) {
                store.getFileStore().sync();
            }
        }
    }

    /**
     * Moves chunks from the end of the file into the free space before them and cuts the file after the last one,
     * as H2 does when it closes a database, until the file is {@link #FILE_FILL_TARGET} full or the budget is spent.
     * The file only gets shorter once the chunks at its end have all moved, so a step that gains nothing is no reason
     * to stop; the steps are capped at what moving all the live data takes.
     */
    private static void shrink(MVStore store, RandomAccessStore file, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        long liveBytes = file.size() / 100 * store.getFillRate();
        long steps = liveBytes / MOVE_BYTES + 3;
        for (long step = 0; step < steps && store.getFillRate() < FILE_FILL_TARGET && System.nanoTime() < deadline;
             step++) {
            file.compactMoveChunks(100, MOVE_BYTES, store);
            store.commit();
            file.sync();
        }
    }
}
