package dev.paysuite.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import dev.paysuite.platform.testing.HexagonRules;

/** The hexagon (STYLE.md, ARCHITECTURE.md): the same rules as every service. */
@AnalyzeClasses(packages = "dev.paysuite.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonArchitectureTest {

    @ArchTest
    static final ArchTests hexagon = ArchTests.in(HexagonRules.class);

    /** Translation lives in inbound adapters (issue 11): the dialects are the HTTP adapter's, never the application's. */
    @ArchTest
    static final ArchRule applicationKnowsNoDialect = noClasses()
            .that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAPackage("dev.paysuite.dialects..");
}
