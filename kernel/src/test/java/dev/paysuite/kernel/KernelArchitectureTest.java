package dev.paysuite.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The kernel is what every domain may use, so it may use nothing but Java. */
@AnalyzeClasses(packages = "dev.paysuite.kernel", importOptions = ImportOption.DoNotIncludeTests.class)
class KernelArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnJavaOnly = classes().should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "dev.paysuite.kernel..");
}
