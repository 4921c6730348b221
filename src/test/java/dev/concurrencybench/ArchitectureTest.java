package dev.concurrencybench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.concurrencybench.architecture.ping.Ping;
import dev.concurrencybench.architecture.pong.Pong;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the production code, for every package present or future: the packages
 * form a DAG (no cycle, the root package included), JMH is used only in {@code bench/} and below,
 * and only ExecutionModel sees both the thread runners (model/) and the worker-JVM runners
 * (process/). Test code is left out: a process test may well drive the models through the enum.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.concurrencybench";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** One slice per package, the root package included (ArchUnit's {@code (**)} pattern would skip it). */
    private static final SliceAssignment EVERY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            return p.equals(ROOT) || p.startsWith(ROOT + ".") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "every package of " + ROOT;
        }
    };

    static final ArchRule NO_PACKAGE_CYCLES = slices().assignedFrom(EVERY_PACKAGE).should().beFreeOfCycles();

    static final ArchRule JMH_ONLY_IN_BENCH = noClasses().that().resideOutsideOfPackage(ROOT + ".bench..")
            .should().dependOnClassesThat().resideInAPackage("org.openjdk.jmh..")
            .because("the code under measurement must not know JMH; bench/ adapts it");

    static final ArchRule ONLY_EXECUTION_MODEL_SEES_BOTH_KINDS_OF_RUNNER = noClasses()
            .that().resideInAPackage(ROOT + ".model..").and().doNotHaveSimpleName("ExecutionModel")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".process..")
            .because("thread runners and worker-JVM runners meet only in the enum that lists every model");

    @Test
    void theProductionCodeIsThere() {
        assertTrue(MAIN.contain(Main.class) && MAIN.contain(ROOT + ".bench.Jmh") && MAIN.contain(ROOT + ".runner.TaskRunner"),
                "the rules would pass vacuously on an empty import");
        assertTrue(!MAIN.contain(ArchitectureTest.class) && !MAIN.contain(Ping.class), "test classes were imported");
    }

    @Test
    void packagesFormADag() {
        NO_PACKAGE_CYCLES.check(MAIN);
    }

    @Test
    void jmhIsUsedOnlyInBench() {
        JMH_ONLY_IN_BENCH.check(MAIN);
    }

    @Test
    void onlyExecutionModelSeesBothThreadAndProcessRunners() {
        ONLY_EXECUTION_MODEL_SEES_BOTH_KINDS_OF_RUNNER.check(MAIN);
    }

    /** The two fixture packages import each other and one uses JMH: both rules must say so. */
    @Test
    void theRulesCatchWhatTheyForbid() {
        JavaClasses broken = new ClassFileImporter().importClasses(Ping.class, Pong.class);
        AssertionError cycle = assertThrows(AssertionError.class, () -> NO_PACKAGE_CYCLES.check(broken));
        assertTrue(cycle.getMessage().contains("architecture.ping") && cycle.getMessage().contains("architecture.pong"),
                cycle.getMessage());
        AssertionError jmh = assertThrows(AssertionError.class, () -> JMH_ONLY_IN_BENCH.check(broken));
        assertTrue(jmh.getMessage().contains("org.openjdk.jmh"), jmh.getMessage());
    }
}
