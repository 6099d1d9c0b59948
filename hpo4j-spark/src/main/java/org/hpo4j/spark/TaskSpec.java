package org.hpo4j.spark;

import java.io.Serializable;
import java.util.List;
import org.hpo4j.pruner.Pruner;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.study.StudyDirection;

/**
 * Everything a task needs to run trials of a study, shipped from the driver with each job's tasks.
 *
 * @param runId names one {@code optimize} call: executors keep one Study per run
 * @param studyName the stored study
 * @param directions its directions
 * @param storage how to reach its storage
 * @param sampler builds the executor's sampler
 * @param pruner builds the executor's pruner
 * @param objective the user's objective
 * @param coordinator where tasks claim trial slots on the driver
 */
record TaskSpec(
    String runId,
    String studyName,
    List<StudyDirection> directions,
    StorageLink storage,
    SerializableSupplier<Sampler> sampler,
    SerializableSupplier<Pruner> pruner,
    SparkObjective objective,
    CoordinatorLink coordinator)
    implements Serializable {}
