package org.quire.web.plugins.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.quire.web.DatabaseTest;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The task queue as two instances see it, on the run's database (H2 here; PostgreSQL and MariaDB in the
 * integration profile): a task is taken by one instance only, a lease that runs out hands it to the other, recurring
 * work is enqueued once per period whoever polls, a failing task backs off and is kept as failed after its last
 * attempt, a key enqueues once and a done mark is kept once.
 */
@QuarkusTest
class WorkQueueTest extends DatabaseTest {

    @Inject
    EntityManager entities;

    private WorkQueue instance(String name, Duration lease) {
        return new WorkQueue(entities, Clock.systemUTC(), name, lease, Duration.ofMillis(100));
    }

    private static String plugin() {
        return "wq-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aTaskIsTakenByOneInstanceAndGoneOnceItSucceeds() throws Exception {
        String plugin = plugin();
        WorkQueue a = instance("a", Duration.ofMinutes(1));
        WorkQueue b = instance("b", Duration.ofMinutes(1));
        long id = a.enqueue(plugin, "send", "{\"to\":1}", null, null, 3);
        List<List<TaskRow>> taken = race(List.of(() -> a.take(Set.of(plugin), 5), () -> b.take(Set.of(plugin), 5)));
        assertThat(taken.get(0).size() + taken.get(1).size()).as("taken once").isEqualTo(1);
        WorkQueue winner = taken.get(0).isEmpty() ? b : a;
        TaskRow task = (taken.get(0).isEmpty() ? taken.get(1) : taken.get(0)).get(0);
        assertThat(task.id).isEqualTo(id);
        assertThat(task.attempts).isEqualTo(1);
        assertThat(task.leaseOwner).isEqualTo(winner.owner());
        assertThat(a.take(Set.of(plugin), 5)).isEmpty();
        winner.succeeded(id);
        assertThat(a.tasks(plugin)).isEmpty();
    }

    @Test
    void aLeaseThatRunsOutHandsTheTaskToAnotherInstance() throws Exception {
        String plugin = plugin();
        WorkQueue dying = instance("dying", Duration.ofMillis(300));
        WorkQueue other = instance("other", Duration.ofMinutes(1));
        long id = dying.enqueue(plugin, "send", "{}", null, "mail:42", 3);
        assertThat(dying.take(Set.of(plugin), 1)).hasSize(1);
        assertThat(other.take(Set.of(plugin), 1)).as("leased").isEmpty();
        assertThat(dying.renew(id)).isTrue();
        Thread.sleep(450);
        List<TaskRow> takenOver = other.take(Set.of(plugin), 1);
        assertThat(takenOver).hasSize(1);
        assertThat(takenOver.get(0).attempts).as("a second attempt").isEqualTo(2);
        assertThat(takenOver.get(0).idempotencyKey).isEqualTo("mail:42");
        // The first instance comes back from a pause: the task is no longer its own to renew or finish.
        assertThat(dying.renew(id)).isFalse();
        dying.succeeded(id);
        assertThat(other.tasks(plugin)).hasSize(1);
        other.succeeded(id);
        assertThat(other.tasks(plugin)).isEmpty();
    }

    @Test
    void recurringWorkIsEnqueuedOncePerPeriodWhoeverPolls() throws Exception {
        String plugin = plugin();
        WorkQueue a = instance("a", Duration.ofMinutes(1));
        WorkQueue b = instance("b", Duration.ofMinutes(1));
        Duration every = Duration.ofSeconds(2);
        assertThat(a.recur(plugin, "digest", every, 3)).as("the first poll only makes the schedule").isFalse();
        int enqueued = 0;
        for (int round = 0; round < 5; round++) {
            List<Callable<Boolean>> both = List.of(() -> a.recur(plugin, "digest", every, 3),
                    () -> b.recur(plugin, "digest", every, 3));
            for (boolean one : race(both)) {
                enqueued += one ? 1 : 0;
            }
        }
        assertThat(enqueued).as("five rounds within one period").isEqualTo(1);
        assertThat(a.tasks(plugin)).singleElement().satisfies(t -> {
            assertThat(t.name).isEqualTo("digest");
            assertThat(t.idempotencyKey).startsWith("recurring:digest@");
        });
    }

    @Test
    void aFailingTaskBacksOffAndIsKeptAsFailedAfterItsLastAttemptUntilRetried() throws Exception {
        String plugin = plugin();
        WorkQueue queue = instance("a", Duration.ofMinutes(1));
        long id = queue.enqueue(plugin, "call", "{}", null, null, 2);
        TaskRow first = queue.take(Set.of(plugin), 1).get(0);
        queue.failed(first, "java.io.IOException: refused");
        assertThat(queue.take(Set.of(plugin), 1)).as("backing off").isEmpty();
        Thread.sleep(150);
        TaskRow second = queue.take(Set.of(plugin), 1).get(0);
        assertThat(second.attempts).isEqualTo(2);
        queue.failed(second, "java.io.IOException: refused again");
        Thread.sleep(300);
        assertThat(queue.take(Set.of(plugin), 1)).as("kept as failed").isEmpty();
        TaskRow failed = queue.tasks(plugin).get(0);
        assertThat(failed.state).isEqualTo(TaskRow.State.FAILED);
        assertThat(failed.lastError).isEqualTo("java.io.IOException: refused again");
        assertThat(queue.retry(plugin, id)).isTrue();
        assertThat(queue.retry(plugin, id)).as("no longer failed").isFalse();
        assertThat(queue.take(Set.of(plugin), 1)).singleElement().satisfies(t -> assertThat(t.attempts).isEqualTo(1));
    }

    @Test
    void aKeyEnqueuesOnceAndADoneMarkIsKeptOnce() throws Exception {
        String plugin = plugin();
        WorkQueue a = instance("a", Duration.ofMinutes(1));
        WorkQueue b = instance("b", Duration.ofMinutes(1));
        List<Long> ids = race(List.of(() -> a.enqueue(plugin, "send", "{}", null, "k", 3),
                () -> b.enqueue(plugin, "send", "{}", null, "k", 3)));
        assertThat(ids.get(0)).isEqualTo(ids.get(1));
        assertThat(a.tasks(plugin)).hasSize(1);

        assertThat(a.isDone(plugin, "sent:7")).isFalse();
        List<Boolean> marked = race(List.of(() -> a.markDone(plugin, "sent:7"), () -> b.markDone(plugin, "sent:7")));
        assertThat(marked).containsExactlyInAnyOrder(true, false);
        assertThat(b.isDone(plugin, "sent:7")).isTrue();
        a.drop(plugin);
        assertThat(a.tasks(plugin)).isEmpty();
        assertThat(a.isDone(plugin, "sent:7")).isFalse();
    }

    private static <T> List<T> race(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
