package dev.paysuite.platform.hexagon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.paysuite.platform.hexagonfixtures.bad.adapter.in.scheduler.ThingCleanupJob;
import dev.paysuite.platform.hexagonfixtures.bad.adapter.out.persistence.AnnotatedThingAdapter;
import dev.paysuite.platform.hexagonfixtures.bad.adapter.out.persistence.RequiresNewThingAdapter;
import dev.paysuite.platform.hexagonfixtures.bad.adapter.out.persistence.ThingPersistenceAdapter;
import dev.paysuite.platform.hexagonfixtures.bad.application.domain.service.SaveThingService;
import dev.paysuite.platform.testing.HexagonRules;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The rules every service runs must catch what they are written against: each class under
 * {@code hexagonfixtures.bad} breaks one of them, and nothing under {@code hexagonfixtures.good}
 * breaks any. A rule that passed everything would otherwise go unnoticed (they allow empty sets).
 */
class HexagonRulesTest {
    static final String FIXTURES = "dev.paysuite.platform.hexagonfixtures";
    static final JavaClasses BAD = new ClassFileImporter().importPackages(FIXTURES + ".bad");
    static final JavaClasses GOOD = new ClassFileImporter().importPackages(FIXTURES + ".good");

    /**
     * The bad classes a rule reports: each line of its report is about the class (or a member of the
     * class) it names first; later names on the line are what that class depends on.
     */
    static Set<String> violators(ArchRule rule) {
        List<JavaClass> fixtures = BAD.stream().filter(JavaClass::isTopLevelClass).toList();
        Set<String> found = new TreeSet<>();
        rule.evaluate(BAD).getFailureReport().getDetails().stream().flatMap(String::lines).forEach(line -> {
            JavaClass subject = null;
            int first = Integer.MAX_VALUE;
            for (JavaClass c : fixtures) {
                Matcher m = Pattern.compile(Pattern.quote(c.getName()) + "(?!\\w)").matcher(line);
                if (m.find() && m.start() < first) {
                    first = m.start();
                    subject = c;
                }
            }
            if (subject != null) {
                found.add(subject.getSimpleName());
            }
        });
        return found;
    }

    static String report(ArchRule rule, JavaClasses classes) {
        return String.join("\n", rule.evaluate(classes).getFailureReport().getDetails());
    }

    @Test
    void theFixturesWereImported() {
        assertTrue(BAD.contain(ThingPersistenceAdapter.class));
        assertTrue(GOOD.contain(dev.paysuite.platform.hexagonfixtures.good.adapter.out.persistence.ThingPersistenceAdapter.class));
        assertFalse(BAD.stream().anyMatch(c -> c.getPackageName().contains(".good")), "bad and good stay apart");
    }

    @Test
    void anAdapterThatChangesStateWithoutRequiringTheCallersTransactionIsCaught() {
        ArchRule rule = HexagonRules.stateChangingAdaptersRequireTheStepsTransaction;
        assertEquals(Set.of(ThingPersistenceAdapter.class.getSimpleName()), violators(rule));
        String report = report(rule, BAD);
        assertTrue(report.contains(ThingPersistenceAdapter.class.getName() + ".save(java.lang.String)"), report);
        assertTrue(report.contains(ThingPersistenceAdapter.class.getName() + ".archive(java.lang.String)"),
                "a port marked @ChangesState as a whole counts for each of its methods:\n" + report);
        assertFalse(report.contains(".exists("), "a method the port does not mark is free:\n" + report);
    }

    @Test
    void aClassThatBeginsATransactionWithQuarkusTransactionOutsideTransactionsIsCaught() {
        ArchRule rule = HexagonRules.transactionsBeginOnlyInUseCaseSteps;
        assertEquals(Set.of(ThingCleanupJob.class.getSimpleName()), violators(rule));
    }

    @Test
    void aTransactionalAnnotationOtherThanMandatoryIsCaught() {
        ArchRule rule = HexagonRules.noTransactionIsBegunByAnnotation;
        assertEquals(Set.of(AnnotatedThingAdapter.class.getSimpleName(), RequiresNewThingAdapter.class.getSimpleName()),
                violators(rule));
        String report = report(rule, BAD);
        assertTrue(report.contains(AnnotatedThingAdapter.class.getName() + ".purge()"), report);
        assertTrue(report.contains("@Transactional(REQUIRED)"), "no mode given means REQUIRED:\n" + report);
        assertTrue(report.contains("@Transactional(REQUIRES_NEW)"), report);
        assertFalse(report.contains("purgeInTheCallersTransaction"), "MANDATORY begins nothing:\n" + report);
    }

    @Test
    void aUseCaseThatChangesStateWithoutDeclaringItsStepIsCaught() {
        ArchRule rule = HexagonRules.useCasesThatChangeStateDeclareTheirSteps;
        assertEquals(Set.of(SaveThingService.class.getSimpleName()), violators(rule));
    }

    @Test
    void eachBadFixtureBreaksOnlyTheRuleItIsWrittenAgainst() {
        Map<String, Set<String>> broken = new TreeMap<>();
        for (Map.Entry<String, ArchRule> rule : allRules().entrySet()) {
            Set<String> found = violators(rule.getValue());
            if (!found.isEmpty()) {
                broken.put(rule.getKey(), found);
            }
        }
        assertEquals(Map.of(
                "noTransactionIsBegunByAnnotation", Set.of("AnnotatedThingAdapter", "RequiresNewThingAdapter"),
                "stateChangingAdaptersRequireTheStepsTransaction", Set.of("ThingPersistenceAdapter"),
                "transactionsBeginOnlyInUseCaseSteps", Set.of("ThingCleanupJob"),
                "useCasesThatChangeStateDeclareTheirSteps", Set.of("SaveThingService")), broken);
    }

    @Test
    void theGoodLayoutKeepsEveryRule() {
        List<String> failures = new ArrayList<>();
        allRules().forEach((name, rule) -> {
            EvaluationResult result = rule.evaluate(GOOD);
            if (result.hasViolation()) {
                failures.add(name + ":\n" + report(rule, GOOD));
            }
        });
        assertEquals(List.of(), failures);
        assertEquals(11, allRules().size(), "every other rule of HexagonRules was checked: " + allRules().keySet());
    }

    /**
     * Every rule HexagonRules declares, by field name, but applicationTouchesNoFramework: it keeps a
     * service's application layer off {@code dev.paysuite.platform..}, where these fixtures must live,
     * so every fixture application class would break it by using its own ports.
     */
    static Map<String, ArchRule> allRules() {
        Map<String, ArchRule> rules = new TreeMap<>();
        for (Field f : HexagonRules.class.getDeclaredFields()) {
            if (ArchRule.class.isAssignableFrom(f.getType()) && Modifier.isStatic(f.getModifiers())
                    && !f.getName().equals("applicationTouchesNoFramework")) {
                try {
                    rules.put(f.getName(), (ArchRule) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(f.getName() + " should be public", e);
                }
            }
        }
        return rules;
    }
}
