package dev.paysuite.webhooks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import dev.paysuite.platform.testing.HexagonRules;

@AnalyzeClasses(packages = "dev.paysuite.webhooks", importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonArchitectureTest {

    @ArchTest
    static final ArchTests hexagon = ArchTests.in(HexagonRules.class);

    /** An endpoint's dialect is a name to the application; the dialects themselves are an adapter's. */
    @ArchTest
    static final ArchRule applicationKnowsDialectsByNameOnly = noClasses()
            .that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAPackage("dev.paysuite.dialects..");
}
