package org.quire.plugin.awscards;

import java.util.Locale;
import java.util.Map;

/** The plugin's words in the page's language: Chinese for {@code zh*}, English otherwise. */
final class Labels {

    private static final Map<String, String> CHINESE = Map.ofEntries(
            Map.entry("postsAbout", "关于 %s 的文章"),
            Map.entry("documentation", "官方文档"),
            Map.entry("benefits", "优势"),
            Map.entry("drawbacks", "不足"),
            Map.entry("verdict", "观感"),
            Map.entry("rating", "评分"),
            Map.entry("outOf", "%d/5"),
            Map.entry("notice", "AWS 服务卡片"),
            Map.entry("servicesTitle", "AWS 服务"),
            Map.entry("servicesIntro", "本站文章介绍或提到的 AWS 服务，按类别排列。"),
            Map.entry("featuredIn", "专门介绍它的文章"),
            Map.entry("mentionedIn", "提到它的文章"),
            Map.entry("generallyAvailable", "正式发布于 %d 年"),
            Map.entry("allServices", "全部 AWS 服务"));

    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("postsAbout", "Posts about %s"),
            Map.entry("documentation", "Documentation"),
            Map.entry("benefits", "Benefits"),
            Map.entry("drawbacks", "Drawbacks"),
            Map.entry("verdict", "Verdict"),
            Map.entry("rating", "Rating"),
            Map.entry("outOf", "%d out of 5"),
            Map.entry("notice", "AWS service card"),
            Map.entry("servicesTitle", "AWS services"),
            Map.entry("servicesIntro", "The AWS services this site's posts review or mention, by category."),
            Map.entry("featuredIn", "Reviewed in"),
            Map.entry("mentionedIn", "Mentioned in"),
            Map.entry("generallyAvailable", "Generally available since %d"),
            Map.entry("allServices", "All AWS services"));

    private Labels() {
    }

    static Map<String, String> forLocale(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }
}
