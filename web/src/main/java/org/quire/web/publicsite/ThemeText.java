package org.quire.web.publicsite;

import java.util.Locale;

import io.quarkus.qute.TemplateData;

/** The theme's words in the site's language: Chinese for {@code zh*} locales, English otherwise. */
@TemplateData
public record ThemeText(String newer, String older, String archive, String allPosts, String postsBy,
                        String notFoundTitle, String notFoundText, String backHome, String readingTimeFormat,
                        String pageFormat, String contents) {

    private static final ThemeText ENGLISH = new ThemeText("Newer posts", "Older posts", "Archive", "All posts",
            "Posts by", "Page not found", "There is nothing at this address. It may have moved, or never existed.",
            "Back to the home page", "%d min read", "Page %d of %d", "Contents");
    private static final ThemeText CHINESE = new ThemeText("较新的文章", "较早的文章", "归档", "全部文章", "作者",
            "页面不存在", "这个地址没有内容,可能已经移动,或者从未存在。", "返回首页", "阅读约 %d 分钟", "第 %d 页,共 %d 页",
            "目录");

    public static ThemeText forLocale(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }

    public String readingTime(int minutes) {
        return String.format(readingTimeFormat, Math.max(1, minutes));
    }

    public String page(int page, int pages) {
        return String.format(pageFormat, page, pages);
    }
}
