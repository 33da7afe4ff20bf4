package org.quire.example.guestbook;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.quire.api.PluginContext;
import org.quire.api.http.OutboundRequest;
import org.quire.api.http.OutboundResponse;
import org.quire.api.mail.MailMessage;
import org.quire.api.records.RecordCollection;
import org.quire.api.work.Task;

/**
 * Once a day: how many signed since the last summary, mailed to the owner with the new entries and told to the
 * chat webhook. A run may be repeated (a crash, a retry after the webhook failed), so each effect has a done mark
 * for the period, and the period ends where the previous run said it did, so no entry is counted twice or missed.
 */
final class DailySummary {

    static final String TASK = "daily-summary";
    static final String STATE = "state";
    private static final String LAST = "summarised-until";
    private static final int LISTED = 100;

    private final PluginContext context;

    DailySummary(PluginContext context) {
        this.context = context;
    }

    void run(Task task) throws IOException {
        RecordCollection state = context.records().collection(STATE);
        Instant until = task.runAt();
        Instant since = state.get(LAST).map(r -> Instant.parse((String) r.document().get("at")))
                .orElse(until.minus(Duration.ofDays(1)));
        if (!since.isBefore(until)) {
            return;
        }
        Entries entries = new Entries(context);
        long count = entries.countBetween(since, until);
        String period = since + "/" + until;
        if (count > 0) {
            mailOwner(period, entries.between(since, until, LISTED), count);
            tellWebhook(period, count);
        }
        state.put(LAST, Map.of("at", until.toString()));
    }

    private void mailOwner(String period, List<Entries.Entry> listed, long count) {
        String owner = context.settings().get(GuestbookPlugin.OWNER);
        String done = "mail:" + period;
        if (owner == null || owner.isBlank() || context.work().isDone(done)) {
            return;
        }
        if (!context.mail().available()) {
            context.logger().warn("the guestbook's summary was not mailed: the site has no mail configured");
            return;
        }
        String title = context.site().info().title();
        StringBuilder text = new StringBuilder(count + (count == 1 ? " person" : " people") + " signed the guestbook of "
                + title + ".\n");
        for (Entries.Entry entry : listed) {
            text.append("\n").append(entry.name()).append(" (").append(entry.at()).append("):\n")
                    .append(entry.message()).append("\n");
        }
        if (count > listed.size()) {
            text.append("\n… and ").append(count - listed.size()).append(" more.\n");
        }
        text.append("\n").append(context.site().info().absoluteUrl("/guestbook/")).append("\n");
        context.mail().send(MailMessage.text(owner.strip(), "Guestbook: " + count + " new", text.toString()));
        context.work().markDone(done);
    }

    private void tellWebhook(String period, long count) throws IOException {
        String webhook = context.settings().get(GuestbookPlugin.WEBHOOK);
        String done = "webhook:" + period;
        if (webhook == null || webhook.isBlank() || context.work().isDone(done)) {
            return;
        }
        String text = count + " new in the guestbook: " + context.site().info().absoluteUrl("/guestbook/");
        OutboundResponse answer = context.http().send(OutboundRequest.post(webhook.strip(), "application/json",
                "{\"text\":" + Json.string(text) + "}").timeout(Duration.ofSeconds(10)));
        if (answer.status() / 100 != 2) {
            // Thrown, the task is tried again later; the mail's done mark keeps it from going out twice.
            throw new IOException("The webhook answered " + answer.status());
        }
        context.work().markDone(done);
    }
}
