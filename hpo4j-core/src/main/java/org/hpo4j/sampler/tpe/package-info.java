/**
 * The tree-structured Parzen estimator (Bergstra et al., NeurIPS 2011; Watanabe, 2023): split the
 * finished trials into good and bad by a quantile, fit a Parzen estimator to each, and propose the
 * candidate that maximizes their ratio. {@link org.hpo4j.sampler.tpe.TpeSampler} orchestrates; the
 * estimator and its kernels stay package-private beside it. The study's default sampler.
 */
package org.hpo4j.sampler.tpe;
