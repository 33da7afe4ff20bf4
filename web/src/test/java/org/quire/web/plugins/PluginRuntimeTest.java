package org.quire.web.plugins;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.quire.api.ApiVersion;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PluginRuntimeTest {

    @Test
    void builtInPluginsAreDiscoveredFromTheClassPath() {
        given().when().get("/api/runtime").then().statusCode(401);
        org.quire.web.accounts.TestAccounts.signedIn(org.quire.web.accounts.Role.ADMINISTRATOR).given()
                .get("/api/runtime").then()
                .statusCode(200)
                .body("apiVersion", equalTo(ApiVersion.CURRENT.toString()))
                .body("plugins.id", hasItems("images", "tags", "feeds", "aws-cards"))
                .body("refused", empty());
    }

    @Test
    void healthIsUp() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem("Database connections health check"));
    }
}
