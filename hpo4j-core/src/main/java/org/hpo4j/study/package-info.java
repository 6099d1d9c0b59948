/**
 * The study: the loop that asks the sampler for parameters, runs the objective on a {@link
 * org.hpo4j.trial.Trial}, asks the pruner whether to stop early and writes every result to the
 * storage, which is the only state. Start at {@link org.hpo4j.study.Study#builder()}: with no
 * sampler it uses multivariate TPE, freshly seeded unless {@code seed(..)} is given. {@link
 * org.hpo4j.study.StudyView} is the read-only history samplers and pruners see.
 */
package org.hpo4j.study;
