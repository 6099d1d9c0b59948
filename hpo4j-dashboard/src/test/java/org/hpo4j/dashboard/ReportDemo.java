package org.hpo4j.dashboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hpo4j.dashboard.plot.GpViewPlot;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.space.Distribution;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.Trial;
import org.hpo4j.trial.TrialState;

/**
 * Writes demonstration reports to look at in a browser (not a test):
 * {@code java -cp ... org.hpo4j.dashboard.ReportDemo /tmp} writes report.html, report-mo.html,
 * report-xss.html and report-empty.html there. The GP view comes from {@link ToyGp}, a stand-in until hpo4j-gp is wired.
 */
public final class ReportDemo {
  private ReportDemo() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "/tmp");
    Storage storage = Storages.inMemory();
    rich(storage, "resnet-lr-search", 80, 42);
    Report.write(storage, "resnet-lr-search", dir.resolve("report.html"), new ToyGp());
    Studies.twoObjectives(storage, "accuracy-vs-size", 120, 7);
    Report.write(storage, "accuracy-vs-size", dir.resolve("report-mo.html"));
    Study x = Study.builder().name(ReportTest.XSS).storage(storage).sampler(Sampler.random(3)).build();
    x.optimize(t -> {
      t.setUserAttr("<img src=x onerror=alert(2)>", "</script><b>bold?</b>");
      return t.suggestFloat("<i>x</i>", 0, 1) + t.suggestCategorical("c", List.of("<b>a</b>", "b&c")).length();
    }, 12);
    Report.write(storage, ReportTest.XSS, dir.resolve("report-xss.html"));
    Study.builder().name("empty").storage(storage).build();
    Report.write(storage, "empty", dir.resolve("report-empty.html"));
    if (args.length > 1) {
      try (Dashboard d = Dashboard.start(storage, "127.0.0.1", Integer.parseInt(args[1]), new ToyGp())) {
        System.out.println("dashboard at " + d.uri());
        Study live = Study.builder().name("live-study").storage(storage).sampler(Sampler.random(5)).build();
        for (int i = 0; i < 3000; i++) {
          live.optimize(t -> {
            Thread.sleep(300);
            return Math.pow(t.suggestFloat("x", -3, 3) - 1, 2) + t.suggestFloat("y", 0, 1);
          }, 1, 1);
        }
      }
    }
  }

  /** A learning-rate search with a conditional optimizer branch, learning curves and pruning. */
  static void rich(Storage storage, String name, int n, long seed) {
    Study s = Study.builder().name(name).storage(storage).sampler(Sampler.random(seed)).build();
    for (int i = 0; i < n; i++) {
      Trial t = s.ask();
      double lr = t.suggestFloat("lr", 1e-5, 1e-1, true);
      long layers = t.suggestInt("layers", 1, 8);
      String opt = t.suggestCategorical("optimizer", List.of("adam", "sgd"));
      double momentum = opt.equals("sgd") ? t.suggestFloat("momentum", 0.0, 0.99) : 0.9;
      t.suggestFloat("dropout", 0.0, 0.5);
      double target = 0.05 + Math.pow(Math.log10(lr) + 3, 2) * 0.04 + 0.01 * Math.abs(layers - 4)
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

  /**
   * A toy GP for the demo: squared-exponential kernel over the unit cube (length 0.25), fixed noise,
   * expected improvement. Just enough to exercise the GP view; the real one lives in hpo4j-gp.
   */
  static final class ToyGp implements GpViewSource {
    @Override
    public Optional<GpViewPlot> view(org.hpo4j.study.StudyView study, String parameter) {
      List<FrozenTrial> done = new ArrayList<>();
      for (FrozenTrial t : study.completeTrials()) {
        if (t.params().containsKey(parameter)) {
          done.add(t);
        }
      }
      if (done.size() < 5) {
        return Optional.empty();
      }
      Map<String, Distribution> space = new java.util.LinkedHashMap<>();
      done.forEach(t -> space.putAll(t.distributions()));
      List<String> names = new ArrayList<>(space.keySet());
      int n = done.size();
      int dim = names.size();
      double[][] x = new double[n][dim];
      double[] y = new double[n];
      double mean = done.stream().mapToDouble(FrozenTrial::value).average().orElse(0);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < dim; j++) {
          Double v = done.get(i).params().get(names.get(j));
          x[i][j] = v == null ? 0.5 : space.get(names.get(j)).toUnit(v);
        }
        y[i] = done.get(i).value() - mean;
      }
      double[][] k = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          k[i][j] = kernel(x[i], x[j]) + (i == j ? 1e-2 : 0);
        }
      }
      double[][] l = cholesky(k);
      double[] alpha = solve(l, y);
      FrozenTrial best = done.stream().min(java.util.Comparator.comparingDouble(FrozenTrial::value)).orElseThrow();
      int p = names.indexOf(parameter);
      double[] through = new double[dim];
      for (int j = 0; j < dim; j++) {
        Double v = best.params().get(names.get(j));
        through[j] = v == null ? 0.5 : space.get(names.get(j)).toUnit(v);
      }
      Distribution d = space.get(parameter);
      List<Double> xs = new ArrayList<>();
      List<Double> mu = new ArrayList<>();
      List<Double> sd = new ArrayList<>();
      List<Double> ei = new ArrayList<>();
      double bestY = best.value();
      int m = d.cardinality() <= 20 ? (int) d.cardinality() : 100;
      double nextX = 0;
      double nextA = -1;
      for (int i = 0; i < m; i++) {
        double u = d.cardinality() <= 20 ? (i + 0.5) / m : i / (m - 1.0);
        double internal = d.fromUnit(u);
        double[] q = through.clone();
        q[p] = d.toUnit(internal);
        double[] ks = new double[n];
        for (int a = 0; a < n; a++) {
          ks[a] = kernel(q, x[a]);
        }
        double f = mean;
        for (int a = 0; a < n; a++) {
          f += ks[a] * alpha[a];
        }
        double[] v = forward(l, ks);
        double var = 1;
        for (double z : v) {
          var -= z * z;
        }
        double s = Math.sqrt(Math.max(var, 1e-12)) * 0.3;
        double z = (bestY - f) / s;
        double e = s * (z * cdf(z) + Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI));
        xs.add(internal);
        mu.add(f);
        sd.add(s);
        ei.add(e);
        if (e > nextA) {
          nextA = e;
          nextX = internal;
        }
      }
      return Optional.of(GpViewPlot.of(parameter, d, StudyDirection.MINIMIZE, "EI (toy GP)", xs, mu, sd, ei,
          best.params().get(parameter), nextX, study.trials(), 0));
    }

    private static double kernel(double[] a, double[] b) {
      double s = 0;
      for (int i = 0; i < a.length; i++) {
        s += (a[i] - b[i]) * (a[i] - b[i]);
      }
      return Math.exp(-s / (2 * 0.25 * 0.25));
    }

    private static double[][] cholesky(double[][] a) {
      int n = a.length;
      double[][] l = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j <= i; j++) {
          double s = a[i][j];
          for (int k = 0; k < j; k++) {
            s -= l[i][k] * l[j][k];
          }
          l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
        }
      }
      return l;
    }

    private static double[] forward(double[][] l, double[] b) {
      double[] z = new double[b.length];
      for (int i = 0; i < b.length; i++) {
        double s = b[i];
        for (int k = 0; k < i; k++) {
          s -= l[i][k] * z[k];
        }
        z[i] = s / l[i][i];
      }
      return z;
    }

    private static double[] solve(double[][] l, double[] b) {
      double[] z = forward(l, b);
      int n = b.length;
      double[] x = new double[n];
      for (int i = n - 1; i >= 0; i--) {
        double s = z[i];
        for (int k = i + 1; k < n; k++) {
          s -= l[k][i] * x[k];
        }
        x[i] = s / l[i][i];
      }
      return x;
    }

    private static double cdf(double z) {
      return 0.5 * (1 + erf(z / Math.sqrt(2)));
    }

    private static double erf(double x) {
      double t = 1 / (1 + 0.3275911 * Math.abs(x));
      double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
          * Math.exp(-x * x);
      return x >= 0 ? y : -y;
    }
  }
}
