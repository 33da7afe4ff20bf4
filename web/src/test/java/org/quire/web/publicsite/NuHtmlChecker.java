package org.quire.web.publicsite;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nu.validator.client.EmbeddedValidator;

/** The Nu HTML Checker, offline: the errors it finds in a page, each as "line: message". */
final class NuHtmlChecker {

    private NuHtmlChecker() {
    }

    static List<String> errors(String html) {
        try {
            EmbeddedValidator validator = new EmbeddedValidator();
            validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
            String report = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            List<String> errors = new ArrayList<>();
            for (JsonNode message : new ObjectMapper().readTree(report).path("messages")) {
                String type = message.path("type").asText();
                if (type.equals("error") || (type.equals("non-document-error"))) {
                    errors.add(message.path("lastLine").asText() + ": " + message.path("message").asText()
                            + " [" + message.path("extract").asText() + "]");
                }
            }
            return errors;
        } catch (Exception e) {
            throw new IllegalStateException("The Nu HTML Checker failed: " + e, e);
        }
    }
}
