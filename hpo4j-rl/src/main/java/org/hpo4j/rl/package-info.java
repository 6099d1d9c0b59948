/**
 * The model-based reinforcement-learning sampler ({@code rl}, and {@code rl_sdp} without the reward
 * model) of Wu, Chen and Liu, Neurocomputing 409 (2020), specified in shared/spec/rl-sampler.md.
 *
 * <p>Layers, each in its own file: {@link org.hpo4j.rl.RlSampler} (the Sampler SPI: parameter
 * order, one live episode per running trial, replay of foreign trials) -> {@code RlAgent} (the
 * paper's Algorithm 1: real phase, reward model F with its held-out guard, KL-throttled model
 * phase) -> {@code Ppo} (PPO-clip) and {@code Surrogate} (F: by default the {@code gp} sampler's GP
 * mean through {@link org.hpo4j.gp.GpRegression}, on the decoded values of {@code StepSpace}; or
 * {@code RewardModel}, the spec's MLP) -> {@code Policy} (Gaussian head, tanh-squashed mean,
 * softplus sigma) -> {@code AgentNetwork} (linear embeddings around a 3 x 35 LSTM with analytic
 * backpropagation through time) and {@code Adam}.
 *
 * <p>Why no deep-learning library: measured on this machine kind through DJL 0.36 with the PyTorch
 * 2.7.1 CPU engine, one 5-step episode of the 3 x 35 LSTM costs ~4.5 ms forward and ~15 ms forward
 * + backward + Adam; the hand-written network costs ~0.15 ms (CPU time) for the forward episode,
 * and PPO runs thousands of such episodes per study. Its gradients are proven by finite-difference
 * tests ({@code AgentNetworkTest}, {@code PpoTest}).
 */
package org.hpo4j.rl;
