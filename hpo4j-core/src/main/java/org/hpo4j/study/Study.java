package org.hpo4j.study;

import static org.hpo4j.Checks.requireArgument;
import static org.hpo4j.Checks.requireState;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hpo4j.pruner.Pruner;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.space.Distribution;
import org.hpo4j.storage.Storage;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.Trial;
import org.hpo4j.trial.TrialPrunedException;
import org.hpo4j.trial.TrialState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A named optimisation: runs trials of an objective, asks the sampler for parameters and the pruner
 * for early stops, and keeps everything in the storage, which is the only state. Several Study
 * objects (in threads, processes or machines) may share one stored study.
 *
 * <p>Thread-safe: {@link #optimize} may run many threads, and {@link #ask}/{@link #tell} may be
 * called from any thread.
 */
public final class Study implements StudyView {
  private static final Logger LOG = LoggerFactory.getLogger(Study.class);
  private static final Set<TrialState> FINISHED =
      EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL);

  private final String name;
  private final long studyId;
  private final List<StudyDirection> directions;
  private final Sampler sampler;
  private final Pruner pruner;
  private final Storage storage;
  private final boolean catchExceptions;
  private final Clock clock;
  private final List<Callback> callbacks = new CopyOnWriteArrayList<>();
  private final Map<String, Class<?>> kinds = new ConcurrentHashMap<>();
  private final Object askLock = new Object();
  private volatile boolean stopRequested;
  private volatile Retry retry = Retry.DEFAULT;

  Study(StudyBuilder b, long studyId, List<StudyDirection> directions) {
    this.name = b.name;
    this.studyId = studyId;
    this.directions = List.copyOf(directions);
    this.sampler = b.sampler;
    this.pruner = b.pruner;
    this.storage = b.storage;
    this.catchExceptions = b.catchExceptions;
    this.clock = b.clock;
    this.callbacks.addAll(b.callbacks);
  }

  /**
   * @return a builder; {@code name} and the directions default to a fresh name and minimize
   */
  public static StudyBuilder builder() {
    return new StudyBuilder();
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * @return the storage id of this study
   */
  public long id() {
    return studyId;
  }

  @Override
  public List<StudyDirection> directions() {
    return directions;
  }

  /**
   * @return the sampler proposing parameters
   */
  public Sampler sampler() {
    return sampler;
  }

  /**
   * @return the pruner consulted by {@link Trial#shouldPrune()}
   */
  public Pruner pruner() {
    return pruner;
  }

  /**
   * @return the storage holding this study
   */
  public Storage storage() {
    return storage;
  }

  @Override
  public List<FrozenTrial> trials(Set<TrialState> states) {
    return storage.trials(studyId, states);
  }

  @Override
  public void setTrialSystemAttr(FrozenTrial trial, String key, Object value) {
    org.hpo4j.Checks.requireNonNull(trial, "trial");
    requireArgument(key != null && !key.isEmpty(), "system attribute key must be non-empty");
    storage.setSystemAttr(trial.id(), key, value);
  }

  /**
   * @return the best COMPLETE trial
   * @throws IllegalStateException when there is none yet, or the study has several objectives
   */
  public FrozenTrial best() {
    return bestTrial()
        .orElseThrow(
            () -> new IllegalStateException("study '" + name + "' has no COMPLETE trial yet"));
  }

  /**
   * @return the user values of the best trial's parameters (a categorical as its choice)
   * @throws IllegalStateException when there is no COMPLETE trial yet, or the study has several
   *     objectives
   */
  public Map<String, Object> bestParams() {
    return best().params();
  }

  /**
   * @return the value of {@link #best()}
   */
  public double bestValue() {
    return best().value();
  }

  /**
   * The Pareto front of the COMPLETE trials: for one objective, the best trials (all ties). When
   * some trials set constraints, only feasible trials (every constraint &lt;= 0) are considered,
   * unless none is feasible.
   */
  public List<FrozenTrial> bestTrials() {
    List<FrozenTrial> complete = completeTrials();
    List<FrozenTrial> feasible = new ArrayList<>();
    for (FrozenTrial t : complete) {
      if (Constraints.isFeasible(t)) {
        feasible.add(t);
      }
    }
    return ParetoFront.of(feasible.isEmpty() ? complete : feasible, directions);
  }

  /** Adds a callback told of every finished trial of later {@code optimize} calls. */
  public void addCallback(Callback callback) {
    callbacks.add(org.hpo4j.Checks.requireNonNull(callback, "callback"));
  }

  /** Asks running {@code optimize} loops to start no new trial; running trials finish. */
  public void stop() {
    stopRequested = true;
  }

  /**
   * @return whether {@link #stop()} was called since the last run started: loops that run trials
   *     elsewhere (hpo4j-spark's tasks) poll it, as {@code optimize} does
   */
  public boolean isStopRequested() {
    return stopRequested;
  }

  /**
   * Forgets an earlier {@link #stop()}, as {@code optimize} does when it starts; for such loops.
   */
  public void clearStopRequest() {
    stopRequested = false;
  }

  /**
   * Enqueues a trial with fixed parameter values (user values); the next trial started evaluates
   * them. Parameters not listed are sampled as usual.
   */
  public void enqueueTrial(Map<String, Object> params) {
    storage.createTrial(studyId, org.hpo4j.Checks.requireNonNull(params, "params"), true);
  }

  /**
   * Runs {@code nTrials} trials on the calling thread; see {@link #optimize(Objective,
   * OptimizeOptions)}.
   */
  public void optimize(Objective objective, int nTrials) {
    optimize(objective, OptimizeOptions.trials(nTrials));
  }

  /**
   * Runs up to {@code options.nTrials()} trials on {@code options.threads()} threads, starting none
   * after the timeout or after {@link #stop()}; stops early when the sampler is exhausted.
   *
   * @throws IllegalStateException when the study has several objectives
   */
  public void optimize(Objective objective, OptimizeOptions options) {
    org.hpo4j.Checks.requireNonNull(objective, "objective");
    org.hpo4j.Checks.requireNonNull(options, "options");
    requireState(
        directions.size() == 1,
        "study '%s' has %s objectives; use optimizeMulti",
        name,
        directions.size());
    run(t -> new double[] {objective.evaluate(t)}, options);
  }

  /** Runs {@code nTrials} trials of a multi-objective study on the calling thread. */
  public void optimizeMulti(MultiObjective objective, int nTrials) {
    optimizeMulti(objective, OptimizeOptions.trials(nTrials));
  }

  /** Runs trials of a multi-objective study; see {@link #optimize(Objective, OptimizeOptions)}. */
  public void optimizeMulti(MultiObjective objective, OptimizeOptions options) {
    run(
        org.hpo4j.Checks.requireNonNull(objective, "objective"),
        org.hpo4j.Checks.requireNonNull(options, "options"));
  }

  private void run(MultiObjective objective, OptimizeOptions options) {
    int nTrials = options.nTrials();
    int threads = options.threads();
    stopRequested = false;
    Instant deadline = options.timeout().map(clock.instant()::plus).orElse(Instant.MAX);
    AtomicInteger started = new AtomicInteger();
    Runnable worker =
        () -> {
          while (!stopRequested
              && clock.instant().isBefore(deadline)
              && started.getAndIncrement() < nTrials) {
            StudyTrial trial;
            synchronized (askLock) {
              if (retry.call("reading study '" + name + "'", () -> sampler.isExhausted(this))) {
                stopRequested = true;
                return;
              }
              trial = ask0();
            }
            runTrial(objective, trial);
          }
        };
    if (threads == 1) {
      worker.run();
      return;
    }
    AtomicInteger workerNumber = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t =
                  new Thread(r, "hpo4j-" + name + "-worker-" + workerNumber.getAndIncrement());
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(worker));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      stopRequested = true;
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      stopRequested = true;
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    } finally {
      pool.shutdownNow();
    }
  }

  private void runTrial(MultiObjective objective, StudyTrial trial) {
    TrialState state = TrialState.COMPLETE;
    List<Double> values = List.of();
    String problem = null;
    Throwable failure = null;
    try {
      double[] v = objective.evaluate(trial);
      problem = problem(v);
      if (problem == null) {
        values = toList(v);
      }
    } catch (TrialPrunedException e) {
      state = TrialState.PRUNED;
      values = prunedValues(trial);
    } catch (Exception | StackOverflowError e) {
      problem = e.toString();
      failure = e;
      LOG.debug("trial " + trial.number() + " of study '" + name + "' failed", e);
    }
    if (problem != null) {
      state = TrialState.FAIL;
      values = List.of();
      LOG.warn("trial " + trial.number() + " of study '" + name + "' failed: " + problem);
    }
    // Outside the try: a failure to store the result is not the objective's failure.
    TrialFinish.Outcome o =
        end(trial, state, values, problem, failure == null ? null : stackTrace(failure));
    if (o.ours()) {
      for (Callback c : callbacks) {
        c.onTrialFinished(this, o.trial());
      }
    }
    if (failure != null && !catchExceptions) {
      throw failure instanceof RuntimeException r
          ? r
          : new ObjectiveException(trial.number(), failure);
    }
  }

  /**
   * The first lines of a failure's stack trace, kept with the trial so that it can be read later.
   */
  private static String stackTrace(Throwable e) {
    java.io.StringWriter w = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(w));
    String t = w.toString();
    return t.length() <= 8000 ? t : t.substring(0, 8000) + "...";
  }

  /**
   * @return why the values cannot complete a trial, or null when they can
   */
  private String problem(double[] values) {
    if (values == null || values.length != directions.size()) {
      return "the objective returned "
          + (values == null ? "null" : values.length + " values")
          + " but the study has "
          + directions.size()
          + " direction(s)";
    }
    for (double v : values) {
      if (Double.isNaN(v)) {
        return "the objective returned NaN";
      }
    }
    return null;
  }

  private static List<Double> toList(double[] values) {
    List<Double> v = new ArrayList<>(values.length);
    for (double x : values) {
      v.add(x);
    }
    return v;
  }

  /** PRUNED keeps the last reported value (or vector, for several objectives), if any. */
  private List<Double> prunedValues(StudyTrial st) {
    if (directions.size() == 1 && st.lastIntermediate() != null) {
      return List.of(st.lastIntermediate());
    }
    return st.lastVector() != null ? st.lastVector() : List.of();
  }

  /**
   * Stores the end of a trial, retrying transient storage failures (see {@link TrialFinish}). A
   * {@code failReason} is written only while the trial is still RUNNING, so that the reason of a
   * stale-trial sweep that finished it first is kept. A trial finished elsewhere is logged, not
   * thrown.
   */
  private TrialFinish.Outcome end(
      StudyTrial st, TrialState state, List<Double> values, String failReason, String stackTrace) {
    requireState(!st.isFinished(), "trial %s is already finished", st.number());
    if (failReason != null) {
      st.rememberSystemAttr("fail_reason", failReason);
      if (stackTrace != null) {
        st.rememberSystemAttr("fail_stack_trace", stackTrace);
      }
      retry.run(
          "recording why trial " + st.number() + " failed",
          () -> {
            if (stateOrNull(st.id()) == TrialState.RUNNING) {
              storage.setSystemAttr(st.id(), "fail_reason", failReason);
              if (stackTrace != null) {
                storage.setSystemAttr(st.id(), "fail_stack_trace", stackTrace);
              }
            }
          });
    }
    sampler.afterTrial(this, st.snapshot(), state, values);
    TrialFinish.Outcome o =
        new TrialFinish(storage, studyId, name, retry).finish(st, state, values);
    st.markFinished();
    if (!o.ours()) {
      LOG.warn(
          "trial "
              + st.number()
              + " of study '"
              + name
              + "' was finished elsewhere as "
              + o.trial().state()
              + " ("
              + o.trial().systemAttrs().getOrDefault("fail_reason", "no reason given")
              + ") while this worker ran it, e.g. after a pause longer than the storage's grace period; its result "
              + state
              + " "
              + values
              + " is dropped and this worker carries on");
    }
    return o;
  }

  /**
   * @return the stored state of a trial, or null when the storage has no such trial
   */
  private TrialState stateOrNull(long trialId) {
    try {
      return storage.trial(trialId).state();
    } catch (org.hpo4j.storage.StorageException e) {
      if (org.hpo4j.storage.StorageFaults.isTransient(e)) {
        throw e;
      }
      return null;
    }
  }

  /**
   * Replaces the retry policy of storage calls (tests inject a clock and a sleeper that does not
   * sleep).
   */
  void retry(Retry r) {
    this.retry = org.hpo4j.Checks.requireNonNull(r, "retry");
  }

  /** Starts a trial for an external loop: take parameters from it, evaluate, then {@link #tell}. */
  public Trial ask() {
    synchronized (askLock) {
      return ask0();
    }
  }

  /**
   * Creates (or claims) a trial and samples its relative parameters, retrying transient storage
   * failures. A trial whose creation the storage lost meanwhile (a server crash) is replaced by a
   * new one; a trial that cannot be prepared is failed, so that it does not stay RUNNING.
   */
  private StudyTrial ask0() {
    for (int attempt = 0; ; attempt++) {
      FrozenTrial created =
          retry.call(
              "creating a trial of study '" + name + "'",
              () ->
                  storage
                      .claimWaitingTrial(studyId)
                      .orElseGet(() -> storage.createTrial(studyId, Map.of(), false)));
      try {
        return retry.call(
            "preparing trial " + created.number() + " of study '" + name + "'",
            () -> prepare(created));
      } catch (RuntimeException e) {
        if (attempt < 3
            && e instanceof org.hpo4j.storage.StorageException
            && !org.hpo4j.storage.StorageFaults.isTransient(e)
            && stateOrNull(created.id()) == null) {
          LOG.warn(
              "trial "
                  + created.number()
                  + " of study '"
                  + name
                  + "' is no longer in the storage (a crash of the database server lost its creation); creating another");
          continue;
        }
        try {
          storage.setSystemAttr(created.id(), "fail_reason", "it could not be started: " + e);
          storage.finishTrial(created.id(), TrialState.FAIL, List.of());
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed); // the stale-trial sweep fails it later
        }
        throw e;
      }
    }
  }

  private StudyTrial prepare(FrozenTrial created) {
    FrozenTrial t = created;
    sampler.beforeTrial(this, t);
    if (!t.systemAttrs().isEmpty() || !t.internalParams().isEmpty()) {
      t = storage.trial(t.id());
    }
    Map<String, Distribution> space = sampler.inferRelativeSearchSpace(this, t);
    Map<String, Double> relative =
        space.isEmpty() ? Map.of() : sampler.sampleRelative(this, t, space);
    return new StudyTrial(this, t, space, relative);
  }

  /**
   * Finishes a trial from {@link #ask}: COMPLETE with {@code values}, or FAIL when a value is NaN.
   *
   * @throws IllegalArgumentException when the number of values does not match the directions
   */
  public FrozenTrial tell(Trial trial, double... values) {
    StudyTrial st = own(trial);
    requireArgument(
        values.length == directions.size(),
        "tell needs %s value(s) for study '%s', but got %s",
        directions.size(),
        name,
        values.length);
    String problem = problem(values);
    return told(
        st,
        end(
            st,
            problem == null ? TrialState.COMPLETE : TrialState.FAIL,
            problem == null ? toList(values) : List.of(),
            problem,
            null));
  }

  /**
   * Finishes a trial in {@code state}: COMPLETE needs one value per direction; PRUNED takes the
   * last reported value (for several objectives, the last vector of {@code report(step, double[])},
   * if any); FAIL takes none. A storage failure that may be transient is retried.
   *
   * @throws IllegalStateException when the trial is already finished, here or elsewhere (by a
   *     stale-trial sweep)
   */
  public FrozenTrial tell(Trial trial, TrialState state, double... values) {
    StudyTrial st = own(trial);
    requireArgument(state.isFinished(), "tell needs COMPLETE, PRUNED or FAIL, but got %s", state);
    List<Double> v = List.of();
    if (state == TrialState.COMPLETE) {
      requireArgument(
          values.length == directions.size(),
          "tell needs %s value(s) for study '%s', but got %s",
          directions.size(),
          name,
          values.length);
      v = toList(values);
    } else if (state == TrialState.PRUNED) {
      v = prunedValues(st);
    }
    return told(st, end(st, state, v, null, null));
  }

  private FrozenTrial told(StudyTrial st, TrialFinish.Outcome o) {
    requireState(
        o.ours(),
        "trial %s of study '%s' was already finished elsewhere (a stale-trial sweep?)",
        st.number(),
        name);
    return o.trial();
  }

  private StudyTrial own(Trial trial) {
    requireArgument(
        trial instanceof StudyTrial st && st.study() == this,
        "tell needs a trial from this study's ask(), but got %s",
        trial);
    return (StudyTrial) trial;
  }

  /** Rejects a name used with a different kind of distribution elsewhere in this study. */
  void checkCompatible(String param, Distribution d) {
    Class<?> previous = kinds.putIfAbsent(param, d.getClass());
    requireArgument(
        previous == null || previous == d.getClass(),
        "parameter '%s' is a %s in this study, but was asked as a %s",
        param,
        previous == null ? "" : previous.getSimpleName(),
        d.getClass().getSimpleName());
  }

  /**
   * @return the number of finished trials (COMPLETE, PRUNED or FAIL)
   */
  public int finishedTrialCount() {
    return storage.countTrials(studyId, FINISHED);
  }

  @Override
  public String toString() {
    return "Study(" + name + ", " + directions + ", " + sampler + ")";
  }
}
