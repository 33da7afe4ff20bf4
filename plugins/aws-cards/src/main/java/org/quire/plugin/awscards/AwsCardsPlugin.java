package org.quire.plugin.awscards;

import java.util.List;

import org.commonmark.Extension;
import org.quire.api.DocumentTransform;
import org.quire.api.EventDelivery;
import org.quire.api.PageRoute;
import org.quire.api.PluginContext;
import org.quire.api.PluginDescriptor;
import org.quire.api.QuirePlugin;
import org.quire.api.SettingDefinition;
import org.quire.api.SettingType;
import org.quire.api.SiteEvent;

/**
 * Makes posts that review AWS services read as a set of service cards, and makes services a way through the site:
 * {@code /aws/} lists the services the published posts cover, {@code /aws/{service}/} the posts about one. See the
 * module's README for the syntax and how headings are matched.
 */
public final class AwsCardsPlugin implements QuirePlugin {

    public static final String ID = "aws-cards";
    static final String PAGES_ROOT = "/aws/";

    static final String AUTOMATIC = "automatic-cards";
    static final String AUTOMATIC_TAGGED = "tagged";
    static final String AUTOMATIC_ALL = "all";
    static final String AUTOMATIC_OFF = "off";
    static final String AUTOMATIC_TAG = "automatic-tag";
    static final String SERVICE_PAGES = "service-pages";
    static final String OVERRIDES = "catalogue-overrides";
    static final String OVERRIDES_SOURCE = "setting '" + OVERRIDES + "'";

    /** The catalogue and the about blocks built from it, replaced together when the settings change. */
    private record Loaded(Catalogue catalogue, AboutBlocks aboutBlocks) {
        Loaded(Catalogue catalogue) {
            this(catalogue, new AboutBlocks(catalogue));
        }
    }

    private volatile PluginContext context;
    private volatile Loaded loaded;

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.builder(ID)
                .name("AWS service cards")
                .version("1.0.0")
                .requiredApi("[1.5,2.0)")
                // Its events are about its own caches (settings, media), and it ignores posts: none kept for it.
                .events(EventDelivery.EVERY_INSTANCE)
                .setting(SettingDefinition.choice(AUTOMATIC, AUTOMATIC_TAGGED,
                        "Which posts get a card for each section whose heading names an AWS service: those tagged"
                                + " with the automatic tag, all posts, or none (a post's front-matter key aws_cards"
                                + " decides for itself)",
                        List.of(AUTOMATIC_TAGGED, AUTOMATIC_ALL, AUTOMATIC_OFF)))
                .setting(SettingDefinition.of(AUTOMATIC_TAG, SettingType.STRING, "AWS",
                        "The tag that turns automatic cards on for a post"))
                .setting(SettingDefinition.of(SERVICE_PAGES, SettingType.BOOLEAN, "true",
                        "Serve /aws/ and a page per service, and link cards and mentions to them"))
                .setting(SettingDefinition.of(OVERRIDES, SettingType.TEXT, "",
                        "YAML list of services to add to the catalogue or change, in the catalogue's own shape"))
                .build();
    }

    /** What {@link ServicePages#coverage} found last, with the site version and catalogue it is for. */
    volatile ServicePages.KeptCoverage keptCoverage;

    @Override
    public void start(PluginContext context) {
        this.context = context;
        reloadCatalogue();
    }

    @Override
    public void onEvent(SiteEvent event) {
        if (event instanceof SiteEvent.SettingsChanged changed && ID.equals(changed.pluginId())) {
            reloadCatalogue();
            context.cache().invalidatePrefix(PAGES_ROOT);
        }
    }

    @Override
    public List<Extension> markdownExtensions() {
        return List.of(CardHtmlRenderer.extension());
    }

    @Override
    public List<DocumentTransform> documentTransforms() {
        return List.of(new CardTransform(this));
    }

    @Override
    public List<PageRoute> routes() {
        return List.of(new ServicePages.IndexRoute(this), new ServicePages.ServiceRoute(this));
    }

    @Override
    public List<String> templates() {
        return List.of("index.html", "service.html");
    }

    /** Catalogue overrides are checked entry by entry, each problem naming its line and field. */
    @Override
    public List<String> checkSetting(String key, String value) {
        if (!OVERRIDES.equals(key)) {
            return List.of();
        }
        return Catalogue.builtIn().withOverrides(value, OVERRIDES_SOURCE).problems();
    }

    /** The catalogue with the administrator's overrides, as of the last settings change. */
    Catalogue catalogue() {
        return current().catalogue();
    }

    AboutBlocks aboutBlocks() {
        return current().aboutBlocks();
    }

    private Loaded current() {
        Loaded current = loaded;
        if (current == null) {
            current = new Loaded(Catalogue.builtIn());
            loaded = current;
        }
        return current;
    }

    PluginContext context() {
        return context;
    }

    String automaticMode() {
        return setting(AUTOMATIC, AUTOMATIC_TAGGED);
    }

    String automaticTag() {
        return setting(AUTOMATIC_TAG, "AWS").strip();
    }

    boolean servicePagesEnabled() {
        return Boolean.parseBoolean(setting(SERVICE_PAGES, "true").strip());
    }

    private String setting(String key, String fallback) {
        PluginContext current = context;
        if (current == null) {
            return fallback;
        }
        String value = current.settings().get(key);
        return value == null ? fallback : value;
    }

    private void reloadCatalogue() {
        Catalogue catalogue = Catalogue.builtIn();
        String overrides = setting(OVERRIDES, "");
        if (!overrides.isBlank()) {
            catalogue = catalogue.withOverrides(overrides, OVERRIDES_SOURCE);
            for (String problem : catalogue.problems()) {
                context.logger().warn(problem + " (that entry is left out; the rest of the catalogue applies)");
            }
        }
        loaded = new Loaded(catalogue);
    }
}
