/**
 * Search-space values: a {@link org.hpo4j.space.Distribution} per parameter (float, int,
 * categorical), each mapping user values to the internal double samplers exchange and to the unit
 * interval, with log scale and steps handled once here instead of in every sampler.
 */
package org.hpo4j.space;
