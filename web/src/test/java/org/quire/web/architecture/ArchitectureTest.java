package org.quire.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;

/**
 * The import graph as {@code docs/architecture.md} draws it, over every class of ours on the class path (plugin-api,
 * platform-core, the built-in plugins and web): the modules' floors hold outright; web's floors and its packages'
 * freedom from cycles hold for all new code, with today's exceptions frozen in {@code archunit_store/} (a change
 * that removes one shrinks the store; a change that adds one fails here, naming it).
 */
class ArchitectureTest {

    private static JavaClasses quire;

    @BeforeAll
    static void importOurClasses() {
        // Tests are not the house: neither web's nor platform-core's test jar (its test kit and tests).
        quire = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.quire");
    }

    @Test
    void thePluginApiImportsNothingOfOursAndNoFramework() {
        noClasses().that().resideInAPackage("org.quire.api..").should().dependOnClassesThat()
                .resideInAnyPackage("org.quire.core..", "org.quire.web..", "org.quire.plugin..",
                        "org.quire.example..", "io.quarkus..", "jakarta..", "org.hibernate..")
                .because("plugin-api is the contract: plain Java 17, no Quarkus, no CDI, no JPA")
                .check(quire);
    }

    @Test
    void theContentEngineKnowsNoQuarkusNoDatabaseAndNoPlugin() {
        noClasses().that().resideInAPackage("org.quire.core..").should().dependOnClassesThat()
                .resideInAnyPackage("org.quire.web..", "org.quire.plugin..", "org.quire.example..", "io.quarkus..",
                        "jakarta.persistence..", "jakarta.enterprise..", "jakarta.inject..", "org.hibernate..",
                        "java.sql..")
                .because("platform-core is plain Java: testable with JUnit alone, usable by any host")
                .check(quire);
    }

    @Test
    void pluginsReachOnlyThePluginApi() {
        noClasses().that().resideInAnyPackage("org.quire.plugin..", "org.quire.example..").should()
                .dependOnClassesThat().resideInAnyPackage("org.quire.core..", "org.quire.web..", "io.quarkus..")
                .because("a plugin reaches only plugin-api, never web or platform-core")
                .check(quire);
        slices().matching("org.quire.plugin.(*)..").should().notDependOnEachOther()
                .because("plugins never call each other: what two plugins share comes from the host")
                .check(quire);
    }

    @Test
    void noModuleOutsideWebHasAPackageCycle() {
        // plugin-api is one package, so it has no cycle to look for.
        for (String module : new String[] {"org.quire.core.(*)..", "org.quire.plugin.(*).."}) {
            slices().matching(module).should().beFreeOfCycles().check(quire);
        }
    }

    /**
     * ArchUnit's cycle rule lists at most some dependencies of some cycles, not always the same ones, so a frozen
     * store of them does not hold still; the arrows between packages that lie on a cycle do, and they are recorded
     * in {@code architecture/web-cycle-arrows.txt}. A new one fails with an example; one that no longer lies on a
     * cycle fails until its line is removed, so the record only shrinks.
     */
    @Test
    void webPackagesHaveNoCycleBeyondTodays() throws java.io.IOException {
        java.util.Map<String, String> arrows = PackageCycles.arrowsOnCycles(quire, "org.quire.web");
        java.nio.file.Path recorded = java.nio.file.Path.of("src/test/resources/architecture/web-cycle-arrows.txt");
        java.util.Set<String> known = new java.util.TreeSet<>(java.nio.file.Files.readAllLines(recorded));
        known.removeIf(line -> line.isBlank() || line.startsWith("#"));
        java.util.List<String> added = arrows.keySet().stream().filter(arrow -> !known.contains(arrow))
                .map(arrow -> arrow + " (for example " + arrows.get(arrow) + ")").toList();
        java.util.List<String> gone = known.stream().filter(arrow -> !arrows.containsKey(arrow)).toList();
        org.assertj.core.api.Assertions.assertThat(added).as("new arrows on a package cycle in web").isEmpty();
        org.assertj.core.api.Assertions.assertThat(gone).as("arrows no longer on a cycle: remove them from "
                + recorded).isEmpty();
    }

    @Test
    void webArrowsPointDownTheFloorsBeyondTodaysExceptions() {
        FreezingArchRule.freeze(WEB_FLOORS).check(quire);
    }

    /** The floors of {@code docs/architecture.md}, top to bottom. */
    static final ArchRule WEB_FLOORS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Entry points").definedBy("org.quire.web", "org.quire.web.publicsite..", "org.quire.web.admin..",
                    "org.quire.web.editorial..", "org.quire.web.contentapi..", "org.quire.web.export..")
            .layer("Services").definedBy("org.quire.web.content..", "org.quire.web.plugins..",
                    "org.quire.web.backup..")
            .layer("Media").definedBy("org.quire.web.media..")
            .layer("Accounts").definedBy("org.quire.web.accounts..")
            .layer("Foundation").definedBy("org.quire.web.site..", "org.quire.web.cluster..", "org.quire.web.mail..")
            .whereLayer("Entry points").mayNotBeAccessedByAnyLayer()
            .whereLayer("Services").mayOnlyBeAccessedByLayers("Entry points")
            .whereLayer("Media").mayOnlyBeAccessedByLayers("Entry points", "Services")
            .whereLayer("Accounts").mayOnlyBeAccessedByLayers("Entry points", "Services", "Media")
            .whereLayer("Foundation").mayOnlyBeAccessedByLayers("Entry points", "Services", "Media", "Accounts")
            .as("web's arrows point down its floors: entry points, services, media, accounts, foundation");
}
