package org.quire.plugin.rss;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.quire.api.AuthorView;
import org.quire.api.PostView;
import org.quire.api.TagView;
import org.quire.core.plugin.PluginRegistry;
import org.quire.core.site.Tag;
import org.quire.core.testkit.TestHost;

/** A small site with the awkward cases: CJK, spaces and punctuation in tags, a control character, two authors. */
final class FeedFixtures {

    static final String SEED_HTML = "<h2 id=\"amazon-eks\">Amazon EKS</h2><p>托管 <a href=\"/2017/12/other/\">link</a></p>"
            + "<p><img src=\"/images/15129744814539.jpg\" alt=\"\"></p>";

    private FeedFixtures() {
    }

    static TestHost host() {
        TestHost host = new TestHost();
        host.publish(post(1, "aws-reinvent", "Review of AWS re:invent", "/2017/12/aws-reinvent/",
                OffsetDateTime.of(2017, 12, 29, 0, 0, 0, 0, ZoneOffset.ofHours(8)), "articles", SEED_HTML,
                Map.of(), "AWS", "云计算"));
        host.publish(post(2, "initramfs", "Linux initramfs \u0007explained", "/2018/01/initramfs/",
                OffsetDateTime.of(2018, 1, 5, 9, 30, 0, 0, ZoneOffset.UTC), "Linux", "<p>Boot <code>early</code></p>",
                Map.of("image", "/images/cover.png"), "Linux initramfs", "C++", "Nova"));
        host.publish(post(3, "nova", "Nova again", "/2018/02/nova/",
                OffsetDateTime.of(2018, 2, 1, 12, 0, 0, 0, ZoneOffset.UTC), null, "<p>Second</p>", Map.of(), "nova"));
        return host;
    }

    static PluginRegistry registry(TestHost host) {
        return PluginRegistry.builder().add(new FeedsPlugin()).contexts(host).build();
    }

    static PostView post(long id, String slug, String title, String path, OffsetDateTime date, String category,
                         String html, Map<String, Object> extra, String... tags) {
        List<TagView> tagViews = new ArrayList<>();
        for (String name : tags) {
            Tag tag = new Tag(name);
            tagViews.add(new TagView(tag.name(), tag.key(), tag.urlForm(), 1));
        }
        return new PostView(Long.toString(id), slug, title, path, date, date.plusDays(1), "", "<p>Excerpt of " + slug
                + "</p>", html, category, tagViews,
                List.of(new AuthorView("jane", "Jane Doe", "", null), new AuthorView("li-lei", "李雷", "", null)), extra);
    }
}
