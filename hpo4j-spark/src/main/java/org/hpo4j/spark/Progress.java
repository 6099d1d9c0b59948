package org.hpo4j.spark;

import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.TrialState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts a run's trials for the driver's log and the Spark UI's job descriptions. Thread-safe. */
final class Progress {
  private static final Logger LOG = LoggerFactory.getLogger(SparkOptimizer.class);
  private final Study study;
  private final int total;
  private final boolean maximize;
  private int done;
  private int complete;
  private int failedTasks;
  private int lostTrials;
  private double best = Double.NaN;
  private int bestNumber = -1;

  Progress(Study study, int total) {
    this.study = study;
    this.total = total;
    this.maximize = study.directions().get(0) == StudyDirection.MAXIMIZE;
  }

  /** The Spark UI's description of a job of {@code tasks} trial tasks. */
  synchronized String describeJob(int tasks) {
    return "hpo4j study '"
        + study.name()
        + "': "
        + total
        + " trials, "
        + tasks
        + " at once ("
        + done
        + " done"
        + (bestNumber < 0 ? "" : ", best " + best + " at trial " + bestNumber)
        + ")";
  }

  /** A trial lost with its executor, failed and run again. */
  synchronized void lost() {
    lostTrials++;
  }

  synchronized void finished(TaskOutcome o) {
    done++;
    lostTrials += o.failedLost();
    if (o.state() == TrialState.COMPLETE) {
      complete++;
      if (bestNumber < 0 || (maximize ? o.value() > best : o.value() < best)) {
        best = o.value();
        bestNumber = o.trialNumber();
      }
    }
    LOG.info(
        "hpo4j-spark: study '"
            + study.name()
            + "': trial "
            + o.trialNumber()
            + " "
            + o.state()
            + (o.state() == TrialState.COMPLETE ? " " + o.value() : "")
            + (o.attempt() > 0
                ? " (task attempt " + o.attempt() + ", " + o.failedLost() + " lost trial(s) failed)"
                : "")
            + "; "
            + summary());
  }

  synchronized void taskFailed() {
    failedTasks++;
  }

  synchronized String summary() {
    return done
        + "/"
        + total
        + " done, "
        + complete
        + " COMPLETE"
        + (lostTrials > 0 ? ", " + lostTrials + " lost to executors and re-run" : "")
        + (failedTasks > 0 ? ", " + failedTasks + " tasks failed for good" : "")
        + (bestNumber < 0 ? "" : ", best " + best + " at trial " + bestNumber);
  }
}
