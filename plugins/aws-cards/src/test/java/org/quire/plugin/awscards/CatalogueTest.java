package org.quire.plugin.awscards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shipped catalogue against its cited source, the aws-sdk npm package (version and files in
 * {@code catalogue-source/}, regenerated and checked by {@code catalogue-source/regenerate.py}).
 */
class CatalogueTest {

    private static final Path SOURCE = Path.of("catalogue-source");
    private final Catalogue catalogue = Catalogue.builtIn();

    @Test
    void theShippedCatalogueReadsWithoutProblems() {
        assertThat(catalogue.problems()).isEmpty();
        assertThat(catalogue.services()).hasSizeGreaterThanOrEqualTo(150);
    }

    @Test
    void everyIdAndOfficialNameMatchesTheCitedSource() throws IOException {
        JsonNode metadata = new ObjectMapper().readTree(SOURCE.resolve("metadata.json").toFile());
        Map<String, String> fullNames = new HashMap<>();
        List<String> rows = Files.readAllLines(SOURCE.resolve("service-names.tsv"));
        assertThat(rows.get(0)).isEqualTo("sdk_key\tapi_file\tservice_full_name\tservice_abbreviation");
        for (String row : rows.subList(1, rows.size())) {
            String[] fields = row.split("\t", -1);
            fullNames.put(fields[0], fields[2]);
        }
        // The extract covers exactly the package's services.
        Set<String> keys = new java.util.TreeSet<>();
        metadata.fieldNames().forEachRemaining(keys::add);
        assertThat(fullNames.keySet()).containsExactlyInAnyOrderElementsOf(keys);

        Set<String> sdkKeysUsed = new java.util.HashSet<>();
        for (AwsService service : catalogue.services()) {
            if (service.sdkKey() != null) {
                assertThat(keys).as("sdk key of %s", service.id()).contains(service.sdkKey());
                assertThat(service.name()).as("official name of %s", service.id())
                        .isEqualTo(fullNames.get(service.sdkKey()));
                assertThat(sdkKeysUsed.add(service.sdkKey())).as("sdk key %s used twice", service.sdkKey()).isTrue();
            } else {
                assertThat(service.source()).as("where the name of %s comes from", service.id()).isNotBlank();
            }
        }
    }

    @Test
    void everyEntryIsComplete() {
        for (AwsService service : catalogue.services()) {
            assertThat(service.id()).matches("[a-z0-9-]+");
            assertThat(service.shortName()).isNotBlank();
            assertThat(service.descriptionEnglish()).as("English description of %s", service.id()).isNotBlank();
            assertThat(service.descriptionChinese()).as("Chinese description of %s", service.id()).matches(".*\\p{IsHan}.*");
            assertThat(service.docs()).as("docs of %s", service.id()).startsWith("https://");
            assertThat(catalogue.category(service.category())).as("category of %s", service.id()).isPresent();
            assertThat(service.monogram()).hasSizeBetween(1, 4);
        }
        assertThat(catalogue.categories()).allSatisfy(c -> assertThat(c.chinese()).matches(".*\\p{IsHan}.*"));
    }

    @Test
    void theSeedPostsServicesAreThere() {
        assertThat(catalogue.find("eks").orElseThrow().name()).isEqualTo("Amazon Elastic Kubernetes Service");
        assertThat(catalogue.find("eks").orElseThrow().aliases()).contains("Amazon Elastic Container Service for Kubernetes");
        for (String id : List.of("eks", "fargate", "ecs", "aurora", "rds", "dynamodb", "s3", "glue", "sagemaker",
                "lambda", "deeplens")) {
            assertThat(catalogue.find(id)).as(id).isPresent();
        }
    }

    @Test
    void everyServiceOfTheBenchmarkCorpusIsRecognisedInAHeading() throws IOException {
        String script = Files.readString(CardFixtures.shared().resolve("bench").resolve("gen-corpus.py"));
        Matcher list = Pattern.compile("SERVICES = \\[(.*?)]", Pattern.DOTALL).matcher(script);
        assertThat(list.find()).isTrue();
        List<String> names = Pattern.compile("\"([^\"]+)\"").matcher(list.group(1)).results()
                .map(m -> m.group(1)).toList();
        assertThat(names).hasSizeGreaterThan(80);
        for (String name : names) {
            assertThat(catalogue.matchHeading("Amazon " + name)).as("## Amazon %s", name)
                    .hasValueSatisfying(m -> assertThat(m.feature()).isEmpty());
        }
    }

    @Test
    void noNameBelongsToTwoServices() {
        Map<String, List<String>> owners = new HashMap<>();
        for (AwsService service : catalogue.services()) {
            Set<String> names = new java.util.HashSet<>();
            names.add(ServiceNames.key(service.shortName()));
            names.add(ServiceNames.key(service.name()));
            service.aliases().forEach(a -> names.add(ServiceNames.key(a)));
            names.forEach(n -> owners.computeIfAbsent(n, k -> new java.util.ArrayList<>()).add(service.id()));
        }
        assertThat(owners.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " → " + e.getValue()).collect(Collectors.toList())).isEmpty();
    }

    @Test
    void headingsAreMatchedByNameWithTheRestAsTheFeatureLine() {
        assertThat(catalogue.matchHeading("DynamoDB Global Tables")).hasValueSatisfying(m -> {
            assertThat(m.service().id()).isEqualTo("dynamodb");
            assertThat(m.feature()).isEqualTo("Global Tables");
        });
        assertThat(catalogue.matchHeading("AWS S3 As Data Lake").orElseThrow().service().id()).isEqualTo("s3");
        assertThat(catalogue.matchHeading("Amazon Sagemaker").orElseThrow().service().id()).isEqualTo("sagemaker");
        assertThat(catalogue.matchHeading("amazon   eks").orElseThrow().service().id()).isEqualTo("eks");
        assertThat(catalogue.matchHeading("Amazon S3 Glacier").orElseThrow().service().id()).isEqualTo("s3-glacier");
        assertThat(catalogue.matchHeading("Amazon Elastic Container Service for Kubernetes (Amazon EKS)"))
                .hasValueSatisfying(m -> {
                    assertThat(m.service().id()).isEqualTo("eks");
                    assertThat(m.feature()).isEmpty();
                });
        assertThat(catalogue.matchHeading("Amazon EKS：托管的 Kubernetes").orElseThrow().feature()).isEqualTo("托管的 Kubernetes");
        assertThat(catalogue.matchHeading("AWS Lambda functions").orElseThrow().feature()).isEqualTo("functions");
        // Prose that merely starts with a service's word is not a service.
        assertThat(catalogue.matchHeading("Connect to the database")).isEmpty();
        assertThat(catalogue.matchHeading("Backup strategy")).isEmpty();
        assertThat(catalogue.matchHeading("S3Select")).isEmpty();
        assertThat(catalogue.matchHeading("总结")).isEmpty();
        assertThat(catalogue.matchHeading("Summary")).isEmpty();
    }

    @Test
    void overridesChangeFieldsAndAddServices() {
        Catalogue changed = catalogue.withOverrides("""
                services:
                  - id: eks
                    aliases: [EKS, K8s on AWS]
                  - id: internal-queue
                    name: Example Corp Internal Queue
                    short: Internal Queue
                    category: application-integration
                    description:
                      en: Our own queue on top of SQS.
                """, AwsCardsPlugin.OVERRIDES_SOURCE);
        assertThat(changed.problems()).isEmpty();
        assertThat(changed.find("K8s on AWS").orElseThrow().id()).isEqualTo("eks");
        assertThat(changed.find("eks").orElseThrow().name()).isEqualTo("Amazon Elastic Kubernetes Service");
        AwsService added = changed.find("internal-queue").orElseThrow();
        assertThat(added.description(Locale.CHINA)).isEqualTo("Our own queue on top of SQS.");
        assertThat(changed.matchHeading("Internal Queue").orElseThrow().service().id()).isEqualTo("internal-queue");
        assertThat(catalogue.find("internal-queue")).isEmpty();
    }

    @Test
    void badOverridesAreRefusedEntryByEntryWithLineAndField() {
        Catalogue changed = catalogue.withOverrides("""
                - id: Bad Id
                - id: no-name
                  short: No Name
                  category: containers
                  description: {en: x}
                - id: wrong-category
                  name: X
                  short: X Service
                  category: nowhere
                  description: {en: x}
                - id: eks
                  colour: orange
                - id: good
                  name: Good
                  short: Good Service
                  category: containers
                  description: {zh: 好}
                  ga: 20188
                """, AwsCardsPlugin.OVERRIDES_SOURCE);
        assertThat(changed.problems()).containsExactly(
                "setting 'catalogue-overrides' line 1: service needs an 'id' of lower-case letters, digits and dashes, not 'Bad Id'",
                "setting 'catalogue-overrides' line 12: service has unknown field 'colour'; known fields: aliases, category, "
                        + "description, docs, ga, id, name, sdk, short, source",
                "setting 'catalogue-overrides' line 2: service 'no-name': missing name",
                "setting 'catalogue-overrides' line 6: service 'wrong-category': field 'category' names unknown category "
                        + "'nowhere'; known: " + String.join(", ", catalogue.categories().stream().map(Category::id).toList()),
                "setting 'catalogue-overrides' line 13: service 'good': field 'ga' must be a year such as 2018, not '20188'");
        // What was already there is kept.
        assertThat(changed.find("eks").orElseThrow()).isEqualTo(catalogue.find("eks").orElseThrow());
        assertThat(changed.services()).hasSameSizeAs(catalogue.services());
        assertThat(catalogue.withOverrides("services: [", "x").problems()).singleElement()
                .asString().startsWith("x line 1: not valid YAML");
        assertThat(new AwsCardsPlugin().checkSetting(AwsCardsPlugin.OVERRIDES, "- id: eks\n  ga: soon\n"))
                .containsExactly("setting 'catalogue-overrides' line 1: service 'eks': field 'ga' must be a year such as 2018, not 'soon'");
        assertThat(new AwsCardsPlugin().checkSetting(AwsCardsPlugin.AUTOMATIC_TAG, "- id: eks")).isEmpty();
    }
}
