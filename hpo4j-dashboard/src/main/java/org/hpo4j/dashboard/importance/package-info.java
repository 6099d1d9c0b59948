/**
 * Parameter importance (PED-ANOVA) for the importance plot and {@code ./hpo studies importance}.
 */
package org.hpo4j.dashboard.importance;
