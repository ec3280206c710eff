package dev.paysuite.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The hexagon (STYLE.md): frameworks stay in the adapters and config, the application is plain Java. */
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
                    "io.smallrye..", "io.vertx..", "io.netty..", "org.hibernate..", "org.eclipse.microprofile..",
                    "com.fasterxml..", "org.jboss..", "io.agroal..");

    @ArchTest
    static final ArchRule applicationDependsOnNeitherAdaptersNorConfig = noClasses()
            .that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter..", "..config..");

    @ArchTest
    static final ArchRule adaptersDoNotDependOnEachOther = slices()
            .matching("dev.paysuite.gateway.adapter.(*).(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule theHttpAdapterGoesThroughTheUseCases = noClasses()
            .that().resideInAPackage("..adapter.in..")
            .should().dependOnClassesThat().resideInAnyPackage("..application.domain.service..",
                    "..application.port.out..");

    @ArchTest
    static final ArchRule portsAndUseCasesAreInterfaces = classes()
            .that().resideInAPackage("..application.port..").and().haveSimpleNameEndingWith("Port")
            .or().haveSimpleNameEndingWith("UseCase")
            .should().beInterfaces();

    @ArchTest
    static final ArchRule domainServicesImplementUseCases = classes()
            .that().resideInAPackage("..application.domain.service..")
            .should().haveSimpleNameEndingWith("Service")
            .andShould().implement(DescribedPredicate.<JavaClass>describe("a use case",
                    c -> c.getSimpleName().endsWith("UseCase")));
}
