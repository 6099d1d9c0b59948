package org.hpo4j.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hpo4j.study.Study;
import org.hpo4j.trial.Trial;
import org.hpo4j.trial.TrialState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every proposal TPE makes on fixed seeds, compared value for value with the proposals of the
 * history-scanning implementation that the columnar one replaced (recorded from it, in {@code
 * tpe-golden/*.txt}): the cheaper path must propose exactly what the old one did. Covers the joint
 * and univariate models, a conditional space with ints, log floats and categoricals, and an
 * ask/tell loop with running trials (constant liar), pruned and failed trials. The conditional
 * scenario was recorded anew after the deliberate change of issue 24 (a conditional group split by
 * the good/bad split of all trials); the columnar path reproduces that change's own
 * history-scanning implementation line for line.
 *
 * <p>To record anew (only after a deliberate change of TPE's proposals): run {@link #main} with the
 * target directory.
 */
class TpeGoldenTest {

  @ParameterizedTest
  @ValueSource(strings = {"floats8", "floats8_uni", "conditional", "asktell"})
  void proposals_fixedSeed_matchTheRecordedOnes(String scenario) throws IOException {
    String expected;
    try (InputStream in = getClass().getResourceAsStream("tpe-golden/" + scenario + ".txt")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> want = expected.lines().toList();
    List<String> got = run(scenario).lines().toList();
    assertEquals(want.size(), got.size(), "lines of " + scenario);
    for (int i = 0; i < want.size(); i++) {
      assertEquals(want.get(i), got.get(i), scenario + " line " + (i + 1));
    }
  }

  static String run(String scenario) {
    return switch (scenario) {
      case "floats8" -> floats(TpeSampler.builder().seed(7).build(), 150);
      case "floats8_uni" ->
          floats(TpeSampler.builder().seed(7).multivariate(false).group(false).build(), 150);
      case "conditional" -> conditional(150);
      case "asktell" -> askTell(120);
      default -> throw new IllegalArgumentException(scenario);
    };
  }

  private static String floats(TpeSampler sampler, int trials) {
    StringBuilder out = new StringBuilder();
    Study study = Study.builder().sampler(sampler).build();
    study.optimize(
        t -> {
          out.append(t.number());
          double f = 0;
          for (int i = 0; i < 8; i++) {
            double x = t.suggestFloat("x" + i, -5, 5);
            out.append(' ').append(x);
            f += x * x * x * x - 16 * x * x + 5 * x;
          }
          out.append('\n');
          return f;
        },
        trials);
    return out.toString();
  }

  private static String conditional(int trials) {
    StringBuilder out = new StringBuilder();
    Study study = Study.builder().sampler(TpeSampler.builder().seed(3).build()).build();
    study.optimize(
        t -> {
          String opt = t.suggestCategorical("optimizer", List.of("adam", "sgd", "rmsprop"));
          double lr = t.suggestFloat("lr", 1e-5, 1, true);
          long depth = t.suggestInt("depth", 1, 12);
          double q = t.suggestFloat("q", 0, 1, 0.1);
          out.append(t.number())
              .append(' ')
              .append(opt)
              .append(' ')
              .append(lr)
              .append(' ')
              .append(depth)
              .append(' ')
              .append(q);
          double f = Math.pow(Math.log10(lr) + 2.5, 2) + 0.02 * (depth - 6) * (depth - 6) + q;
          if (opt.equals("adam")) {
            double b = t.suggestFloat("beta1", 0.5, 0.999);
            out.append(" beta1=").append(b);
            f += 30 * (b - 0.9) * (b - 0.9);
          } else if (opt.equals("sgd")) {
            long w = t.suggestInt("width", 8, 512, true);
            out.append(" width=").append(w);
            f += 0.05 + Math.abs(Math.log(w) - 4);
          }
          out.append('\n');
          return f;
        },
        trials);
    return out.toString();
  }

  /** Three trials in flight at a time, told newest first; every 7th pruned, every 11th failed. */
  private static String askTell(int trials) {
    StringBuilder out = new StringBuilder();
    Study study = Study.builder().sampler(TpeSampler.builder().seed(11).build()).build();
    for (int done = 0; done < trials; done += 3) {
      List<Trial> batch = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      for (int k = 0; k < 3; k++) {
        Trial t = study.ask();
        double x = t.suggestFloat("x", -10, 10);
        double y = t.suggestFloat("y", -10, 10);
        long n = t.suggestInt("n", 0, 9);
        out.append(t.number())
            .append(' ')
            .append(x)
            .append(' ')
            .append(y)
            .append(' ')
            .append(n)
            .append('\n');
        batch.add(t);
        values.add((x - 3) * (x - 3) + (y + 1) * (y + 1) + n);
      }
      for (int k = 2; k >= 0; k--) {
        Trial t = batch.get(k);
        int number = t.number();
        if (number % 7 == 6) {
          t.report(0, values.get(k) * 2);
          t.report(1, values.get(k));
          study.tell(t, TrialState.PRUNED);
        } else if (number % 11 == 10) {
          study.tell(t, TrialState.FAIL);
        } else {
          study.tell(t, values.get(k));
        }
      }
    }
    return out.toString();
  }

  /** Records the scenarios into {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    for (String s : List.of("floats8", "floats8_uni", "conditional", "asktell")) {
      Files.writeString(Path.of(args[0], s + ".txt"), run(s));
    }
  }
}
