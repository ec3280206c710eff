package dev.paysuite.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The hexagon every service keeps (STYLE.md), written once. A service includes them with
 * {@code @ArchTest static final ArchTests hexagon = ArchTests.in(HexagonRules.class);}.
 */
public final class HexagonRules {

    @ArchTest
    static final ArchRule domainModelDependsOnJavaOnly = classes()
            .that().resideInAPackage("..application.domain.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..application.domain.model..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule applicationTouchesNoFramework = noClasses()
            .that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "javax..",
                    "io.smallrye..", "org.hibernate..", "io.vertx..", "org.eclipse.microprofile..",
                    "com.fasterxml..", "org.apache.kafka..", "dev.paysuite.platform..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule applicationDoesNotKnowAdapters = noClasses()
            .that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAPackage("..adapter..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule adaptersDoNotDependOnEachOther = slices()
            .matching("..adapter.(*).(*)..")
            .should().notDependOnEachOther()
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule inboundAdaptersGoThroughPortsIn = noClasses()
            .that().resideInAPackage("..adapter.in..")
            .should().dependOnClassesThat().resideInAnyPackage("..application.domain.service..",
                    "..application.port.out..")
            .allowEmptyShould(true);

    private HexagonRules() {
    }
}
