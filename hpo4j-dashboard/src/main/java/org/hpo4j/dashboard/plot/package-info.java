/**
 * One record per plot, each with a static {@code of(...)} that computes its data from a trial
 * history: history, intermediate values, parallel coordinates, slice, contour, importance,
 * empirical distribution, timeline, Pareto front with hypervolume, and the GP view. Records are
 * immutable and serialise to JSON with Jackson; drawing them is the page's job.
 */
package org.hpo4j.dashboard.plot;
