package org.quire.web.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;
import org.quire.web.DatabaseTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every REST endpoint the application has, found by scanning its classes (so a new one is in the matrix without
 * anyone adding it), against anonymous and every role: each declares a permission or says it is public, the
 * anonymous get 401 where a permission is needed, a role below it 403, a role at or above it gets through. The
 * README's matrix is {@link Permission}.
 */
@QuarkusTest
class PermissionMatrixTest extends DatabaseTest {

    private record Endpoint(String httpMethod, String path, Method method, Optional<Permission> needs,
                            boolean isPublic, boolean form, String consumes) {
        @Override
        public String toString() {
            return httpMethod + " " + path + " (" + method.getDeclaringClass().getSimpleName() + "." + method.getName() + ")";
        }
    }

    /** Path parameters name nothing, so a request that gets through changes nothing other tests rely on. */
    private static final String NO_SUCH_ID = "987654321";

    @Test
    void everyEndpointDeclaresWhoMayUseIt() throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).extracting(Endpoint::path).contains("/api/admin/users", "/api/admin/me/tokens",
                "/admin/sign-in", "/api/content/posts", "/api/runtime");
        assertThat(endpoints).filteredOn(e -> e.needs().isEmpty() && !e.isPublic()).as("endpoints with no rule")
                .isEmpty();
        assertThat(endpoints).filteredOn(e -> e.path().startsWith("/api/admin") && e.isPublic())
                .as("public endpoints in the admin API").isEmpty();
    }

    @Test
    void eachRoleGetsExactlyWhatTheMatrixSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        java.util.Map<Role, Account> accounts = new java.util.EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            accounts.put(role, TestAccounts.create(role));
        }
        for (Endpoint endpoint : endpoints()) {
            Response anonymous = send(io.restassured.RestAssured.given(), endpoint);
            if (endpoint.needs().isPresent() && anonymous.statusCode() != 401) {
                wrong.add("anonymous " + endpoint + ": " + anonymous.statusCode() + ", expected 401");
            }
            if (endpoint.isPublic() && refused(anonymous)) {
                wrong.add("anonymous " + endpoint + ": " + anonymous.statusCode() + " on a public endpoint");
            }
            for (Role role : Role.values()) {
                // A session of its own for each request: sign-out ends the one it is sent with.
                TestAccounts.Session session = TestAccounts.session(accounts.get(role));
                Response response = send(session.given(), endpoint);
                boolean allowed = endpoint.isPublic() || endpoint.needs().get().grantedTo(role);
                if (allowed && refused(response)) {
                    wrong.add(role.id() + " " + endpoint + ": " + response.statusCode() + ", expected to be let through");
                }
                if (!allowed && !(response.statusCode() == 403 && refused(response))) {
                    wrong.add(role.id() + " " + endpoint + ": " + response.statusCode() + ", expected 403");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Whether the access rules refused the request: 401, or the 403 that names the role. A 403 for other reasons
     * (the sign-in form's own CSRF check, say) is the endpoint at work, so the request did get through.
     */
    private static boolean refused(Response response) {
        return response.statusCode() == 401
                || (response.statusCode() == 403 && response.asString().contains("may not do this"));
    }

    private static Response send(RequestSpecification request, Endpoint endpoint) {
        request = request.redirects().follow(false).accept("*/*");
        if (!endpoint.httpMethod().equals("GET") && !endpoint.httpMethod().equals("HEAD")
                && !endpoint.httpMethod().equals("DELETE")) {
            if (endpoint.form()) {
                request = request.contentType("application/x-www-form-urlencoded").formParam("x", "1");
            } else if (endpoint.consumes().equals(MediaType.MULTIPART_FORM_DATA)) {
                request = request.multiPart("x", "1");
            } else if (endpoint.consumes().equals(MediaType.APPLICATION_JSON)) {
                request = request.contentType(MediaType.APPLICATION_JSON).body("{}");
            } else {
                request = request.contentType(endpoint.consumes()).body(" ");
            }
        }
        return request.request(endpoint.httpMethod(), endpoint.path());
    }

    /** Every resource method of the application's classes, with an unknown id for each path parameter. */
    private static List<Endpoint> endpoints() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target", "classes");
        List<Endpoint> endpoints = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, PermissionMatrixTest.class.getClassLoader());
                jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String httpMethod = httpMethod(method);
                    if (httpMethod == null) {
                        continue;
                    }
                    jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                    String path = (root.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/")
                            .replaceAll("\\{[^}:]+:[^}]*}|\\{[^}]+}", NO_SUCH_ID);
                    Consumes consumes = Optional.ofNullable(method.getAnnotation(Consumes.class))
                            .orElse(type.getAnnotation(Consumes.class));
                    boolean form = consumes == null ? hasFormParams(method)
                            : List.of(consumes.value()).contains(MediaType.APPLICATION_FORM_URLENCODED);
                    String consumed = consumes == null ? MediaType.APPLICATION_JSON : consumes.value()[0];
                    endpoints.add(new Endpoint(httpMethod, path, method, AccessFilter.requirement(method),
                            AccessFilter.isPublic(method), form, consumed));
                }
            }
        }
        return endpoints;
    }

    private static boolean hasFormParams(Method method) {
        return Stream.of(method.getParameterAnnotations()).flatMap(Stream::of)
                .anyMatch(a -> a instanceof jakarta.ws.rs.FormParam);
    }

    private static String httpMethod(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        if (method.isAnnotationPresent(PATCH.class)) {
            return "PATCH";
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        if (method.isAnnotationPresent(HEAD.class)) {
            return "HEAD";
        }
        return null;
    }
}
