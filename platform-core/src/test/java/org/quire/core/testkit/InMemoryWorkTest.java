package org.quire.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quire.api.Capability;
import org.quire.api.PluginContext;
import org.quire.api.PluginDescriptor;
import org.quire.api.QuirePlugin;
import org.quire.api.work.TaskDefinition;

/** The test kit runs a plugin's work when the test says so, by the host's rules for keys, retries and failures. */
class InMemoryWorkTest {

    /** Sends "mails" from tasks, fails one kind of task, and recurs. */
    static final class Mailer implements QuirePlugin {
        final List<String> sent = new ArrayList<>();
        PluginContext context;

        @Override
        public PluginDescriptor descriptor() {
            return PluginDescriptor.builder("mailer").uses(Capability.WORK).build();
        }

        @Override
        public void start(PluginContext context) {
            this.context = context;
        }

        @Override
        public List<TaskDefinition> tasks() {
            return List.of(TaskDefinition.of("send", task -> {
                        if (!context.work().isDone(task.payload())) {
                            sent.add(task.payload());
                            context.work().markDone(task.payload());
                        }
                    }),
                    TaskDefinition.of("broken", task -> {
                        throw new IllegalStateException("no server");
                    }).maxAttempts(3),
                    TaskDefinition.of("digest", task -> sent.add("digest")).recurring(Duration.ofHours(1)));
        }
    }

    @Test
    void tasksRunWhenTheTestSaysWithKeysRetriesAndFailuresAsTheHostHasThem() {
        TestHost host = new TestHost();
        Mailer mailer = new Mailer();
        mailer.start(host.contextFor(mailer.descriptor(), getClass().getClassLoader()));
        String first = mailer.context.work().enqueue("send", "\"ann\"", null, "send:ann");
        assertThat(mailer.context.work().enqueue("send", "\"ann\"", null, "send:ann")).as("a key enqueues once")
                .isEqualTo(first);
        mailer.context.work().enqueue("send", "\"bob\"", Instant.now().plusSeconds(3600), null);
        mailer.context.work().enqueue("broken", "{}");
        assertThat(mailer.sent).as("nothing runs by itself").isEmpty();

        assertThat(host.runWork(mailer)).as("ann, three tries of broken, the digest").isEqualTo(5);
        assertThat(mailer.sent).containsExactlyInAnyOrder("\"ann\"", "digest");
        assertThat(host.failedTasks("mailer")).containsExactly("broken: java.lang.IllegalStateException: no server");
        assertThat(host.waitingTasks("mailer")).as("due in an hour").containsExactly("send");

        mailer.context.work().enqueue("send", "\"ann\"");
        host.runWork(mailer);
        assertThat(mailer.sent).as("the done mark holds").filteredOn("\"ann\""::equals).hasSize(1);
        assertThatThrownBy(() -> host.contextFor(PluginDescriptor.builder("plain").build(), null).work())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not declare the WORK capability");
    }
}
