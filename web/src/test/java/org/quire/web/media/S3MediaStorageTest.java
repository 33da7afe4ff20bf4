package org.quire.web.media;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quire.web.SeedPosts;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.accounts.TestAccounts.Session;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Media on S3-compatible storage, against a real S3 server (S3Mock, a separate process): the seed post's six
 * screenshots uploaded through the API land in the bucket under the configured prefix (nothing in the local
 * folder), their variants too; the post renders six responsive images; the files and variants are served from the
 * bucket with their types and caching; deleting a file removes its objects.
 */
@QuarkusTest
@Tag("s3")
@TestProfile(S3MediaStorageTest.OnS3.class)
class S3MediaStorageTest {

    public static class OnS3 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quire.database.url", "jdbc:h2:mem:quire-s3;DB_CLOSE_DELAY=-1");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(S3MockServer.class));
        }
    }


    private static S3Client bucket;

    @Inject
    MediaStore media;

    @Inject
    MediaLibrary library;

    @BeforeAll
    static void connect() {
        bucket = S3Client.builder().endpointOverride(URI.create(S3MockServer.endpoint())).forcePathStyle(true)
                .region(Region.US_EAST_1).httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3MockServer.ACCESS_KEY, S3MockServer.SECRET_KEY)))
                .build();
    }

    @AfterAll
    static void disconnect() {
        if (bucket != null) {
            bucket.close();
        }
    }

    private static List<String> keys() {
        return bucket.listObjectsV2Paginator(request -> request.bucket(S3MockServer.BUCKET)).contents().stream()
                .map(S3Object::key).toList();
    }

    @Test
    void theSeedPostsSixImagesAreUploadedToTheBucketRenderedAndServed() throws Exception {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        String source = TestImages.uploadSeedScreenshots(author, SeedPosts.source().replace("title:", "title: On S3 —"));

        List<String> keys = keys();
        assertThat(keys).as("every object under the prefix").allMatch(key -> key.startsWith(S3MockServer.PREFIX));
        // Six originals, a 480 copy of each, a 960 copy of the five wider than that, and six records.
        assertThat(keys).filteredOn(key -> key.startsWith(S3MockServer.PREFIX + "objects/")).hasSizeGreaterThanOrEqualTo(23);
        assertThat(media.list("")).filteredOn(item -> item.path().endsWith(".jpg"))
                .allSatisfy(item -> assertThat(media.localFile(media.find(item.path()).orElseThrow()))
                        .as("no local copy of " + item.path()).isEmpty());

        long id = ((Number) author.given().contentType("application/json").body(Map.of("source", source))
                .post("/api/admin/posts").then().statusCode(201).extract().path("id")).longValue();
        author.given().post("/api/admin/posts/" + id + "/publish").then().statusCode(200);
        String path = author.given().get("/api/admin/posts/" + id).then().extract().path("path");
        String page = given().get(path).then().statusCode(200).extract().asString();

        Matcher img = Pattern.compile("<img [^>]*>").matcher(page);
        int images = 0;
        String firstVariant = null;
        while (img.find()) {
            String tag = img.group();
            if (tag.contains("src=\"/media/")) {
                images++;
                assertThat(tag).as(tag).contains("srcset=\"/media/_w480/").contains(" 480w").contains("width=\"")
                        .contains("height=\"").contains("decoding=\"async\"");
                if (firstVariant == null) {
                    Matcher variant = Pattern.compile("/media/_w480/[^ \"]+").matcher(tag);
                    assertThat(variant.find()).isTrue();
                    firstVariant = variant.group().replace("&amp;", "&");
                }
            }
        }
        assertThat(images).isEqualTo(6);

        byte[] copy = given().get(firstVariant).then().statusCode(200).contentType("image/jpeg")
                .header("Cache-Control", containsString("immutable")).extract().asByteArray();
        assertThat(ImageIO.read(new ByteArrayInputStream(copy)).getWidth()).isEqualTo(480);
    }

    @Test
    void aFileIsServedFromTheBucketAndDeletingItRemovesItsObjects() throws Exception {
        Session editor = TestAccounts.signedIn(Role.EDITOR);
        byte[] jpeg = TestImages.screenshot(1100, 42);
        String name = "s3-" + UUID.randomUUID().toString().substring(0, 8) + ".jpg";
        String url = editor.given().multiPart("file", name, jpeg, "image/jpeg").post("/api/admin/media").then()
                .statusCode(201).extract().path("url");
        String path = url.substring("/media/".length());
        String hash = media.find(path).orElseThrow().sha256;
        String key = S3MockServer.PREFIX + "objects/" + hash.substring(0, 2) + "/" + hash;
        assertThat(keys()).contains(key);

        byte[] served = given().get(url).then().statusCode(200).contentType("image/jpeg")
                .header("ETag", "\"" + hash + "\"").extract().asByteArray();
        assertThat(served).hasSize((int) media.find(path).orElseThrow().sizeBytes);
        given().header("If-None-Match", "\"" + hash + "\"").get(url).then().statusCode(304);
        List<String> variantKeys = media.list("_w480/" + path).stream()
                .map(item -> media.find(item.path()).orElseThrow().sha256).toList();
        assertThat(variantKeys).hasSize(1);

        library.delete(path, false);
        given().get(url).then().statusCode(404);
        assertThat(keys()).doesNotContain(key);
        // The images plugin removes the variants when it hears of the deletion, off the request thread.
        String variantHash = variantKeys.get(0);
        String variantKey = S3MockServer.PREFIX + "objects/" + variantHash.substring(0, 2) + "/" + variantHash;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (keys().contains(variantKey) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(keys()).as("the variant's object goes with its original").doesNotContain(variantKey);
    }

    @Test
    void aBucketThatDoesNotAnswerIsNamedInTheError() {
        MediaBlobs wrong = new S3MediaBlobs(bucket, "no-such-bucket", "site");
        org.assertj.core.api.Assertions.assertThatThrownBy(wrong::check).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("s3://no-such-bucket/site/").hasMessageContaining("cannot be reached");
    }
}
