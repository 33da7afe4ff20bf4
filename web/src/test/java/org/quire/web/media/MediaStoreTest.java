package org.quire.web.media;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quire.api.MediaItem;
import org.quire.web.DatabaseTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MediaStoreTest extends DatabaseTest {


    @Inject
    MediaStore store;

    @Test
    void storesContentAddressedAndServesWithItsHashAsEtag() throws Exception {
        String folder = "test/" + UUID.randomUUID();
        byte[] bytes = ("<svg xmlns=\"http://www.w3.org/2000/svg\"/>" + folder).getBytes(StandardCharsets.UTF_8);
        MediaItem first = store.store(folder + "/a.svg", new ByteArrayInputStream(bytes), "image/svg+xml", "a.svg", null);
        store.store(folder + "/copy of a.svg", new ByteArrayInputStream(bytes), "image/svg+xml", null, null);
        assertThat(first.size()).isEqualTo(bytes.length);

        MediaFile a = store.find(folder + "/a.svg").orElseThrow();
        MediaFile copy = store.find(folder + "/copy of a.svg").orElseThrow();
        assertThat(a.sha256).isEqualTo(copy.sha256).hasSize(64);
        assertThat(store.localFile(a).orElseThrow()).isEqualTo(store.localFile(copy).orElseThrow());
        assertThat(Files.readAllBytes(store.localFile(a).orElseThrow())).isEqualTo(bytes);
        assertThat(store.list(folder + "/")).extracting(MediaItem::path)
                .containsExactly(folder + "/a.svg", folder + "/copy of a.svg");

        String etag = given().get("/media/" + folder + "/a.svg").then().statusCode(200)
                .contentType("image/svg+xml").header("X-Content-Type-Options", "nosniff")
                .extract().header("ETag");
        assertThat(etag).isEqualTo("\"" + a.sha256 + "\"");
        given().header("If-None-Match", etag).get("/media/" + folder + "/a.svg").then().statusCode(304);

        assertThat(store.delete(folder + "/a.svg")).isTrue();
        assertThat(Files.exists(store.localFile(copy).orElseThrow())).as("bytes still used by the copy").isTrue();
        assertThat(store.delete(folder + "/copy of a.svg")).isTrue();
        assertThat(Files.exists(store.localFile(copy).orElseThrow())).isFalse();
        given().get("/media/" + folder + "/a.svg").then().statusCode(404);
    }

    @Test
    void replacingAFileDropsTheBytesNoOtherPathUses() throws Exception {
        String path = "test/" + UUID.randomUUID() + "/notes.txt";
        store.store(path, new ByteArrayInputStream("first".getBytes(StandardCharsets.UTF_8)), "text/plain", null, null);
        java.nio.file.Path firstBytes = store.localFile(store.find(path).orElseThrow()).orElseThrow();
        store.store(path, new ByteArrayInputStream("second".getBytes(StandardCharsets.UTF_8)), "text/plain", null, null);

        assertThat(Files.exists(firstBytes)).as("the replaced bytes are gone").isFalse();
        given().get("/media/" + path).then().statusCode(200).body(org.hamcrest.Matchers.equalTo("second"));
    }

    @Test
    void refusesPathsThatCouldEscapeTheStoreNamingThem() {
        for (String path : new String[] {"../etc/passwd", "/abs", "a//b", "a/./b", "a\\b", "a/\u0000", ""}) {
            assertThatThrownBy(() -> store.store(path, new ByteArrayInputStream(new byte[1]), "text/plain", null, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Media path '" + path + "'");
        }
        given().get("/media/..%2F..%2Fetc%2Fpasswd").then().statusCode(404);
    }
}
