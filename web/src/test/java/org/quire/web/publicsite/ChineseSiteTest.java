package org.quire.web.publicsite;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.quire.web.content.Post;
import org.quire.web.content.PostService;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A site whose locale is zh-CN, as the seed blog's: pages say so, dates and labels read in Chinese, and every page
 * type passes the Nu HTML Checker.
 */
@QuarkusTest
@TestProfile(ChineseSiteTest.ChineseSite.class)
class ChineseSiteTest {

    public static class ChineseSite implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quire.site.locale", "zh-CN", "quire.site.title", "云上札记",
                    "quire.site.url", "https://blog.example.cn", "quire.site.time-zone", "Asia/Shanghai",
                    // a database of its own, so this site's first run happens
                    "quire.database.url", "jdbc:h2:mem:quire-zh;DB_CLOSE_DELAY=-1");
        }
    }

    @Inject
    PostService posts;

    @Test
    void theSeedPostSaysItIsChinese() {
        Post seed = org.quire.web.SeedPosts.publish(posts);
        Document page = Jsoup.parse(given().get(seed.path).then().statusCode(200).extract().asString());
        assertThat(page.select("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(page.select(".post-body h2")).hasSize(7);
        assertThat(page.select(".meta").text()).contains("2017年12月29日").containsPattern("阅读约 [3-8] 分钟");
        assertThat(page.select("meta[property=og:url]").attr("content"))
                .isEqualTo("https://blog.example.cn/2017/12/aws-reinvent/");
        assertThat(page.select("meta[property=og:title]").attr("content")).isEqualTo("Review of AWS re:invent · 云上札记");
    }

    @Test
    void chineseTagsAreListedInPinyinOrder() {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> posts.publish(posts.create(
                "---\ntitle: 城市\nslug: cities\ntags: [上海, 北京, 安徽]\n---\n正文\n", null,
                org.quire.web.content.PostStatus.PUBLISHED, null).post().id));
        String html = given().get("/tags/").then().statusCode(200).extract().asString();
        Document index = Jsoup.parse(html);
        assertThat(index.select("h1").text()).isEqualTo("标签");
        // Code-point order would be 上海, 北京, 安徽; readers expect pinyin: an, bei, shang.
        assertThat(index.select(".tag-list a").eachText()).containsSubsequence("安徽", "北京", "上海");
        assertThat(NuHtmlChecker.errors(html)).isEmpty();
    }

    @Test
    void everyPageTypePassesTheNuHtmlChecker() {
        Post seed = org.quire.web.SeedPosts.publish(posts);
        Map<String, Integer> pages = Map.of("/", 200, seed.path, 200, "/authors/admin/", 200, "/archive/", 200,
                "/archive/2017/12/", 200, "/no/such/page/", 404);
        pages.forEach((path, status) -> {
            String html = given().get(path).then().statusCode(status).extract().asString();
            assertThat(NuHtmlChecker.errors(html)).as("Nu HTML Checker errors on %s", path).isEmpty();
        });
    }
}
