package org.quire.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;

import io.quarkus.test.junit.QuarkusTest;

/** Prometheus metrics carry request timings by route, and how long pages and posts take to render. */
@QuarkusTest
class MetricsTest {

    @Test
    void requestAndRenderTimingsAreExposed() {
        TestAccounts.signedIn(Role.AUTHOR).given().contentType("application/json")
                .body(Map.of("fields", Map.of("title", "Timed", "body", "Rendered once.")))
                .post("/api/admin/posts").then().statusCode(201);
        given().get("/archive/").then().statusCode(200);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("quire_page_render_seconds_count{status=\"200\"}"))
                .body(containsString("quire_post_render_seconds_count"));
    }
}
