package org.quire.example.guestbook;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quire.api.Capability;
import org.quire.api.Page;
import org.quire.api.PageRoute;
import org.quire.api.PluginContext;
import org.quire.api.PluginDescriptor;
import org.quire.api.QuirePlugin;
import org.quire.api.SettingDefinition;
import org.quire.api.SettingType;
import org.quire.api.input.Honeypot;
import org.quire.api.input.InputRoute;
import org.quire.api.records.CollectionDefinition;
import org.quire.api.work.TaskDefinition;

/**
 * A guestbook on the stateful services of API 1.5: readers sign it at {@code /guestbook/} (reader input, kept as
 * records), each signature is published as a {@code guestbook.signed} event for other plugins, and once a day a
 * recurring task mails the owner how many signed, with the new entries, and tells a Slack-compatible chat webhook.
 *
 * <p>{@code guestbook.signed} carries {@code {"entry": key, "name": name, "at": ISO-8601 time}}.
 */
public final class GuestbookPlugin implements QuirePlugin {

    public static final String ID = "guestbook";
    static final String OWNER = "owner";
    static final String WEBHOOK = "webhook";
    static final String WEBHOOK_HOST = "hooks.slack.com";

    private volatile PluginContext context;

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.builder(ID)
                .name("Guestbook")
                .version("1.0.0")
                .requiredApi("[1.5,2.0)")
                .setting(SettingDefinition.of(OWNER, SettingType.STRING, "",
                        "The address that gets a summary of each day's signatures (empty: no mail)"))
                .setting(SettingDefinition.of(WEBHOOK, SettingType.STRING, "",
                        "A Slack incoming webhook (https://hooks.slack.com/services/…) told of each day's"
                                + " signatures (empty: none)"))
                .collection(CollectionDefinition.named(Entries.COLLECTION).indexTime("at"))
                .collection(CollectionDefinition.named(DailySummary.STATE))
                .uses(Capability.READER_INPUT, Capability.WORK, Capability.MAIL)
                .calls(WEBHOOK_HOST)
                .publishes("guestbook.signed")
                .build();
    }

    @Override
    public void start(PluginContext context) {
        this.context = context;
    }

    @Override
    public List<String> checkSetting(String key, String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        if (key.equals(OWNER) && !value.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return List.of("Setting 'owner': '" + value + "' is not a mail address such as ann@example.org");
        }
        if (key.equals(WEBHOOK) && !value.strip().startsWith("https://" + WEBHOOK_HOST + "/")) {
            return List.of("Setting 'webhook': give a Slack incoming webhook, https://" + WEBHOOK_HOST + "/services/…");
        }
        return List.of();
    }

    @Override
    public List<PageRoute> routes() {
        return List.of(new BookRoute());
    }

    @Override
    public List<InputRoute> inputRoutes() {
        return List.of(new SignRoute(this::entries));
    }

    @Override
    public List<TaskDefinition> tasks() {
        return List.of(TaskDefinition.of(DailySummary.TASK, task -> new DailySummary(context).run(task))
                .recurring(Duration.ofDays(1)).maxAttempts(8));
    }

    @Override
    public List<String> templates() {
        return List.of("book.html");
    }

    Entries entries() {
        return new Entries(context);
    }

    /** {@code /guestbook/}: the form and the latest signatures, newest first. */
    private final class BookRoute implements PageRoute {
        @Override
        public String pattern() {
            return "/guestbook/";
        }

        @Override
        public List<String> paths() {
            return List.of("/guestbook/");
        }

        @Override
        public Optional<Page> render(String path) {
            Map<String, Object> data = Map.of("entries", entries().latest(Entries.SHOWN),
                    "honeypot", Honeypot.FIELD_HTML, "action", SignRoute.PATH);
            return Optional.of(Page.themed("Guestbook", context.templates().render("book.html", data)));
        }
    }
}
