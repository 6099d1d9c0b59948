/**
 * The one typed reader of option maps (study files, sampler and pruner options, objective
 * sections): every bad value or unknown key becomes one message that names the field, the value and
 * what is allowed, so that study files fail at the boundary instead of deep inside a sampler.
 */
package org.hpo4j.options;
