package org.quire.web.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of a Jekyll import's page and report beyond the counts {@link AdminText} has, in English here and in
 * Chinese in {@code messages/imp_zh.properties}; templates use {@code {imp:key}}.
 */
@MessageBundle(value = "imp", locale = "en")
public interface ImportText {

    @Message("{count} files under the post folders are not posts; the report says why for each.") String notPosts(long count);
    @Message("Also make the site's settings those of its _config.yml") String applySiteSettings();
    @Message("Title, description, address, language, time zone, permalinks and paging. The first import into a site always takes them; a later one only lists the differences unless this is ticked.") String applySiteSettingsHint();
    @Message("Site settings taken from _config.yml") String settingsApplied();
    @Message("Site settings that differ from _config.yml") String settingsDiffering();
    @Message("The site's own settings were kept. To take these over, import again with the site's settings ticked, or change them under Settings.") String settingsDifferingExplained();
}
