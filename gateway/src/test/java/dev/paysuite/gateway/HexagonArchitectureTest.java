package dev.paysuite.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.paysuite.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonArchitectureTest {

    @ArchTest
    static final ArchRule domainModelDependsOnJavaOnly = classes()
            .that().resideInAPackage("..application.domain.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..application.domain.model..");

    @ArchTest
    static final ArchRule applicationTouchesNoFramework = noClasses()
            .that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "javax..",
                    "io.smallrye..", "org.hibernate..", "io.vertx..", "org.eclipse.microprofile..",
                    "com.fasterxml..", "org.apache.kafka..", "dev.paysuite.platform..");

    @ArchTest
    static final ArchRule applicationDoesNotKnowAdapters = noClasses()
            .that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAPackage("..adapter..");

    @ArchTest
    static final ArchRule adaptersDoNotDependOnEachOther = slices()
            .matching("dev.paysuite.gateway.adapter.(*).(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule inboundAdaptersUseTheApplicationThroughPortsIn = noClasses()
            .that().resideInAPackage("..adapter.in..")
            .should().dependOnClassesThat().resideInAnyPackage("..application.domain.service..",
                    "..application.port.out..");
}
