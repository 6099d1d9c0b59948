package org.hpo4j.dashboard;

import java.nio.file.Path;
import java.util.List;
import org.hpo4j.sampler.RandomSampler;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.hpo4j.trial.Trial;
import org.hpo4j.trial.TrialState;

/**
 * Writes demonstration reports to look at in a browser (not a test): {@code java -cp ...
 * org.hpo4j.dashboard.ReportDemo /tmp} writes report.html, report-mo.html, report-xss.html and
 * report-empty.html there. The GP views come from hpo4j-gp.
 */
public final class ReportDemo {
  private ReportDemo() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "/tmp");
    Storage storage = Storages.inMemory();
    rich(storage, "resnet-lr-search", 80, 42);
    Report.write(storage, "resnet-lr-search", dir.resolve("report.html"));
    Studies.twoObjectives(storage, "accuracy-vs-size", 120, 7);
    Report.write(storage, "accuracy-vs-size", dir.resolve("report-mo.html"));
    Study x =
        Study.builder()
            .name(ReportTest.XSS)
            .storage(storage)
            .sampler(RandomSampler.builder().seed(3).build())
            .build();
    x.optimize(
        t -> {
          t.setUserAttr("<img src=x onerror=alert(2)>", "</script><b>bold?</b>");
          return t.suggestFloat("<i>x</i>", 0, 1)
              + t.suggestCategorical("c", List.of("<b>a</b>", "b&c")).length();
        },
        12);
    Report.write(storage, ReportTest.XSS, dir.resolve("report-xss.html"));
    Study.builder().name("empty").storage(storage).build();
    Report.write(storage, "empty", dir.resolve("report-empty.html"));
    if (args.length > 1) {
      try (Dashboard d = Dashboard.start(storage, "127.0.0.1", Integer.parseInt(args[1]))) {
        System.out.println("dashboard at " + d.uri());
        Study live =
            Study.builder()
                .name("live-study")
                .storage(storage)
                .sampler(RandomSampler.builder().seed(5).build())
                .build();
        for (int i = 0; i < 3000; i++) {
          live.optimize(
              t -> {
                Thread.sleep(300);
                return Math.pow(t.suggestFloat("x", -3, 3) - 1, 2) + t.suggestFloat("y", 0, 1);
              },
              1);
        }
      }
    }
  }

  /** A learning-rate search with a conditional optimizer branch, learning curves and pruning. */
  static void rich(Storage storage, String name, int n, long seed) {
    Study s =
        Study.builder()
            .name(name)
            .storage(storage)
            .sampler(RandomSampler.builder().seed(seed).build())
            .build();
    for (int i = 0; i < n; i++) {
      Trial t = s.ask();
      double lr = t.suggestFloat("lr", 1e-5, 1e-1, true);
      long layers = t.suggestInt("layers", 1, 8);
      String opt = t.suggestCategorical("optimizer", List.of("adam", "sgd"));
      double momentum = opt.equals("sgd") ? t.suggestFloat("momentum", 0.0, 0.99) : 0.9;
      t.suggestFloat("dropout", 0.0, 0.5);
      double target =
          0.05
              + Math.pow(Math.log10(lr) + 3, 2) * 0.04
              + 0.01 * Math.abs(layers - 4)
              + (opt.equals("sgd") ? 0.05 * (1 - momentum) : 0);
      t.setUserAttr("host", "node-" + (i % 3));
      double v = 1;
      boolean pruned = false;
      for (int step = 0; step < 20; step++) {
        v = target + (v - target) * 0.8;
        t.report(step, v);
        if (step == 6 && v > 0.33) {
          pruned = true;
          break;
        }
      }
      if (i == 13) {
        s.tell(t, TrialState.FAIL);
      } else if (pruned) {
        s.tell(t, TrialState.PRUNED);
      } else {
        s.tell(t, v);
      }
    }
  }
}
