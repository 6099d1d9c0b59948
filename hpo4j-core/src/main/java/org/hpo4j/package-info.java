/**
 * hpo4j's root: argument checks ({@link org.hpo4j.Checks}), the exception family ({@link
 * org.hpo4j.HpoException}) and the {@link org.hpo4j.Experimental} marker. The seams live in the
 * sub-packages: space, trial, study, sampler, pruner, storage.
 */
package org.hpo4j;
