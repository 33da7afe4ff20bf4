package org.quire.plugin.tags;

import java.util.Locale;
import java.util.Map;

/** The plugin's words in the site's language: Chinese for {@code zh*} sites, English otherwise. */
final class Labels {

    private Labels() {
    }

    static Map<String, String> forLocale(Locale locale) {
        if ("zh".equals(locale.getLanguage())) {
            return Map.of("tags", "标签", "alphabetical", "全部标签", "newer", "较新的文章", "older", "较早的文章",
                    "tagged", "标签:", "category", "分类:", "related", "相关文章");
        }
        return Map.of("tags", "Tags", "alphabetical", "All tags", "newer", "Newer posts", "older", "Older posts",
                "tagged", "Tagged ", "category", "Category: ", "related", "Related posts");
    }
}
