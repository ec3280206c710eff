package dev.paysuite.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.kernel.tx.Transactions;
import java.util.Optional;

/**
 * The skeleton every service keeps (ARCHITECTURE.md), written once. A service includes the rules
 * with {@code @ArchTest static final ArchTests hexagon = ArchTests.in(HexagonRules.class);}.
 */
public final class HexagonRules {
    private static final String TRANSACTIONAL = "jakarta.transaction.Transactional";

    // ---- The hexagon ----

    @ArchTest
    public static final ArchRule domainModelDependsOnJavaAndTheKernelOnly = classes()
            .that().resideInAPackage("..application.domain.model..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "..application.domain.model..", "dev.paysuite.kernel..")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule applicationTouchesNoFramework = noClasses()
            .that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "javax..",
                    "io.smallrye..", "io.vertx..", "io.netty..", "org.hibernate..", "org.eclipse.microprofile..",
                    "com.fasterxml..", "org.jboss..", "io.agroal..", "org.apache.kafka..", "dev.paysuite.platform..")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule applicationDependsOnNeitherAdaptersNorConfig = noClasses()
            .that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter..", "..config..")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule adaptersDoNotDependOnEachOther = slices()
            .matching("..adapter.(*).(*)..")
            .should().notDependOnEachOther()
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule inboundAdaptersGoThroughPortsIn = noClasses()
            .that().resideInAPackage("..adapter.in..")
            .should().dependOnClassesThat().resideInAnyPackage("..application.domain.service..",
                    "..application.port.out..")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule portsAndUseCasesAreInterfaces = classes()
            .that().resideInAPackage("..application.port..")
            .and().haveSimpleNameEndingWith("Port").or().haveSimpleNameEndingWith("UseCase")
            .should().beInterfaces()
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule domainServicesImplementUseCases = classes()
            .that().resideInAPackage("..application.domain.service..").and().areTopLevelClasses()
            .and().doNotHaveSimpleName("package-info")
            .should().haveSimpleNameEndingWith("Service")
            .andShould().implement(DescribedPredicate.<JavaClass> describe("a use case",
                    c -> c.getSimpleName().endsWith("UseCase")))
            .allowEmptyShould(true);

    // ---- Where transactions start ----

    /** Only a {@link Transactions} implementation begins a transaction: a use-case step, never an adapter by itself. */
    @ArchTest
    public static final ArchRule transactionsBeginOnlyInUseCaseSteps = noClasses()
            .that(DescribedPredicate.not(implementTransactions()))
            .should().dependOnClassesThat().haveFullyQualifiedName("io.quarkus.narayana.jta.QuarkusTransaction")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule noTransactionIsBegunByHand = noClasses()
            .that(DescribedPredicate.not(implementTransactions()))
            .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.transaction.UserTransaction")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule noTransactionIsBegunByAnnotation = noClasses()
            .should(beginTransactionsByAnnotation())
            .allowEmptyShould(true);

    /** An adapter that changes state runs in the transaction of the step that calls it, and refuses to run without. */
    @ArchTest
    public static final ArchRule stateChangingAdaptersRequireTheStepsTransaction = classes()
            .that().areNotInterfaces().and().resideOutsideOfPackage("..application..")
            .should(requireATransactionWhereTheyChangeState())
            .allowEmptyShould(true);

    /** A use case that changes state declares the step it does it in. */
    @ArchTest
    public static final ArchRule useCasesThatChangeStateDeclareTheirSteps = classes()
            .that().resideInAPackage("..application.domain.service..")
            .and(callAStateChangingPort())
            .should().dependOnClassesThat().areAssignableTo(Transactions.class)
            .allowEmptyShould(true);

    private HexagonRules() {
    }

    private static DescribedPredicate<JavaClass> implementTransactions() {
        return DescribedPredicate.describe("implement Transactions",
                c -> c.isAssignableTo(Transactions.class) && !c.isInterface());
    }

    private static ArchCondition<JavaClass> beginTransactionsByAnnotation() {
        return new ArchCondition<>("declare a transaction with @Transactional other than MANDATORY") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                report(c, c.getFullName(), events);
                for (JavaMethod m : c.getMethods()) {
                    report(m, m.getFullName(), events);
                }
            }

            private void report(HasAnnotations<?> element, String where, ConditionEvents events) {
                transactional(element).filter(mode -> !"MANDATORY".equals(mode)).ifPresent(mode -> events.add(
                        SimpleConditionEvent.satisfied(element, where + " begins a transaction (@Transactional("
                                + mode + ")); declare it as a use-case step with Transactions instead")));
            }
        };
    }

    private static ArchCondition<JavaClass> requireATransactionWhereTheyChangeState() {
        return new ArchCondition<>("require the caller's transaction (@Transactional(MANDATORY)) where they "
                + "implement a @ChangesState port") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaClass port : c.getAllRawInterfaces()) {
                    for (JavaMethod portMethod : port.getMethods()) {
                        if (!changesState(port, portMethod)) {
                            continue;
                        }
                        Optional<JavaMethod> impl = c.tryGetMethod(portMethod.getName(),
                                portMethod.getRawParameterTypes().stream().map(JavaClass::getName).toArray(String[]::new));
                        if (impl.isEmpty() || impl.get().getOwner().isInterface()) {
                            continue;
                        }
                        Optional<String> mode = transactional(impl.get()).or(() -> transactional(c));
                        boolean ok = mode.filter("MANDATORY"::equals).isPresent();
                        events.add(new SimpleConditionEvent(c, ok, impl.get().getFullName() + " implements "
                                + port.getSimpleName() + "." + portMethod.getName() + ", which changes state, "
                                + (ok ? "and requires a transaction" : "without @Transactional(MANDATORY)")));
                    }
                }
            }
        };
    }

    private static DescribedPredicate<JavaClass> callAStateChangingPort() {
        return DescribedPredicate.describe("call a @ChangesState port", c -> c.getMethodCallsFromSelf().stream()
                .map(JavaMethodCall::getTarget)
                .anyMatch(t -> t.getOwner().isInterface() && t.resolveMember()
                        .map(m -> changesState(t.getOwner(), m)).orElse(false)));
    }

    private static boolean changesState(JavaClass port, JavaMethod method) {
        return port.isAnnotatedWith(ChangesState.class) || method.isAnnotatedWith(ChangesState.class)
                || method.getOwner().isAnnotatedWith(ChangesState.class);
    }

    /** The mode of a {@code @Transactional} on the element, REQUIRED when it names none. */
    private static Optional<String> transactional(HasAnnotations<?> element) {
        Optional<? extends JavaAnnotation<?>> annotation = element.tryGetAnnotationOfType(TRANSACTIONAL);
        return annotation.map(a -> a.get("value").map(v -> v instanceof JavaEnumConstant e ? e.name() : v.toString())
                .orElse("REQUIRED"));
    }
}
