/**
 * Samplers: strategies that propose parameters from a study's history ({@link
 * org.hpo4j.sampler.Sampler}, with a relative, joint entry point and an independent one). Every
 * sampler is built the same way, {@code XSampler.builder().seed(..).option(..).build()}; {@link
 * org.hpo4j.sampler.Samplers#create} finds them by name, reading the same options in snake_case,
 * through the {@link org.hpo4j.sampler.SamplerProvider}s on the class path.
 */
package org.hpo4j.sampler;
