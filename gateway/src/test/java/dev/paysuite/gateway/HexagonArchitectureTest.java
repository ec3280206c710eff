package dev.paysuite.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.paysuite.platform.testing.HexagonRules;

/** The hexagon (STYLE.md, ARCHITECTURE.md): the same rules as every service. */
@AnalyzeClasses(packages = "dev.paysuite.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonArchitectureTest {

    @ArchTest
    static final ArchTests hexagon = ArchTests.in(HexagonRules.class);
}
