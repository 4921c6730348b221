package dev.concurrencybench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.model.ExecutionModel;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuildNamesTest {

    @Test
    void aNameOfThisBuildIsItsConstant() {
        BuildNames<ExecutionModel> models = new BuildNames<>(ExecutionModel.class, "model");
        assertEquals(Optional.of(ExecutionModel.FIXED_POOL), models.find("FIXED_POOL"));
        assertEquals(Optional.of(ExecutionModel.FIXED_POOL), models.find(" FIXED_POOL "));
        assertTrue(models.note("drawn without an ideal").isEmpty());
    }

    @Test
    void aNameOfAnotherBuildIsEmptyAndNamedOnceInTheNote() {
        BuildNames<ExecutionModel> models = new BuildNames<>(ExecutionModel.class, "model");
        assertTrue(models.find("QUANTUM_THREADS").isEmpty());
        assertTrue(models.find("fixed_pool").isEmpty(), "names are exact, as JMH's -p needs them");
        assertTrue(models.find("QUANTUM_THREADS").isEmpty());
        assertEquals(Optional.of("Not a model of this build of the suite (the results file comes from an older or newer"
                + " version): QUANTUM_THREADS, fixed_pool; drawn without an ideal."), models.note("drawn without an ideal"));
    }

    @Test
    void aMissingNameIsNotAnotherBuildsName() {
        BuildNames<ExecutionModel> models = new BuildNames<>(ExecutionModel.class, "model");
        assertTrue(models.find(null).isEmpty());
        assertTrue(models.note("x").isEmpty());
    }
}
