package org.quire.web.editorial;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quire.web.content.PostService;

import io.quarkus.scheduler.Scheduled;

/**
 * Publishes scheduled posts when their time comes, by the application's clock. With several instances each may
 * try; a post is published once (its version check makes the others' attempts fail harmlessly).
 */
@ApplicationScoped
public class SchedulePublisher {

    @Inject
    PostService posts;

    @Inject
    Clock clock;

    @Scheduled(every = "${quire.scheduler.every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void publishDue() {
        posts.publishDue(clock.instant());
    }
}
