package org.quire.web.site;

import java.time.Clock;
import java.time.Instant;

/**
 * Work an administrator started that runs in the background (an import, an export) as its admin page shows it:
 * how far it is, then its report or what went wrong. Written by the one thread that runs it, read by requests.
 *
 * @param <R> what the work reports when it is done
 */
public abstract class BackgroundJob<R> {

    public enum State { WAITING, RUNNING, DONE, FAILED }

    public final Instant startedAt;
    private volatile State state;
    private volatile int done;
    private volatile int total;
    private volatile R report;
    private volatile String problem;
    private volatile Instant finishedAt;

    protected BackgroundJob(Instant startedAt, State initial) {
        this.startedAt = startedAt;
        this.state = initial;
    }

    public State state() {
        return state;
    }

    public int done() {
        return done;
    }

    public int total() {
        return total;
    }

    /** What the work reported; null until it is done. */
    public R report() {
        return report;
    }

    /** What went wrong; null unless it failed. */
    public String problem() {
        return problem;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public boolean finished() {
        return state == State.DONE || state == State.FAILED;
    }

    public void running() {
        state = State.RUNNING;
    }

    public void progress(int done, int total) {
        this.done = done;
        this.total = total;
    }

    public void succeeded(R report, Clock clock) {
        this.report = report;
        this.finishedAt = clock.instant();
        this.state = State.DONE;
    }

    public void failed(String problem, Clock clock) {
        this.problem = problem;
        this.finishedAt = clock.instant();
        this.state = State.FAILED;
    }
}
