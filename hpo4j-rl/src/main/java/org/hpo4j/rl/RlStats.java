package org.hpo4j.rl;

/**
 * What the RL sampler has done so far, for tests, logs and the bench report.
 *
 * @param realEpisodes real trials learned from (capped at the data-set window)
 * @param policyUpdates PPO updates, real and imagined
 * @param imaginedEpisodes episodes scored by the reward model
 * @param modelPhases model phases run
 * @param skippedModelPhases model phases skipped by the held-out guard (R^2 &lt; 0)
 * @param lastHeldOutR2 the reward model's held-out R^2 at the last fit (NaN before any)
 * @param lastKl d(pi_old, pi) when the last model phase stopped (NaN before any)
 * @param modelPhaseMillis total CPU time (of the threads that ran them) spent fitting F and in
 *     model phases
 * @param lastMeanSigma the behaviour policy's sigma, averaged over the asked steps of the last real
 *     episode (NaN before any): how widely the agent still explores, in action units [-1, 1]
 */
public record RlStats(
    int realEpisodes,
    long policyUpdates,
    long imaginedEpisodes,
    int modelPhases,
    int skippedModelPhases,
    double lastHeldOutR2,
    double lastKl,
    double modelPhaseMillis,
    double lastMeanSigma) {}
