package org.hpo4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hpo4j.bench.BenchResult;
import org.hpo4j.bench.SeedRange;
import org.hpo4j.bench.SuiteRunner;
import org.hpo4j.bench.Summary;
import org.hpo4j.sampler.Samplers;
import org.hpo4j.testing.BenchmarkFunction;
import org.hpo4j.testing.BenchmarkFunctions;
import org.hpo4j.testing.MultiObjectiveFunction;
import org.hpo4j.testing.MultiObjectiveFunctions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hpo bench}: the suite of shared/spec/benchmarks.md, one JSON line per (sampler, function,
 * seed), or with {@code --summary} the table of medians of result files.
 */
@Command(
    name = "bench",
    description = {
      "Run the benchmark suite: one JSON line per (sampler, function, seed).",
      "With --summary FILE..., print the median final regret and wall_s per function and sampler."
    })
final class BenchCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--sampler",
      split = ",",
      description = "Sampler name(s); one of the known samplers.")
  List<String> samplers;

  @Option(
      names = "--function",
      split = ",",
      defaultValue = "all",
      description = "Function name(s) or 'all'.")
  List<String> functions;

  @Option(
      names = "--seeds",
      defaultValue = "0-9",
      description = "Seeds, e.g. 0-9 or 0,3,5-7 (default ${DEFAULT-VALUE}).")
  String seeds;

  @Option(
      names = "--trials",
      defaultValue = "100",
      description = "Trials per run (default ${DEFAULT-VALUE}).")
  int trials;

  @Option(
      names = "--out",
      description = "Append the JSON lines to this file instead of standard output.")
  Path out;

  @Option(
      names = "--summary",
      description =
          "Summarise result files instead of running; with --sampler and no"
              + " files, run and then summarise (the table always closes a run, on standard error).")
  boolean summary;

  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Result files for --summary.")
  List<Path> files = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    boolean runThenSummarise =
        summary && files.isEmpty() && samplers != null && !samplers.isEmpty();
    if (summary && !runThenSummarise) {
      if (files.isEmpty()) {
        throw new IllegalArgumentException(
            "--summary needs at least one FILE.jsonl, or --sampler to run the suite first");
      }
      for (Path f : files) {
        if (!Files.isRegularFile(f)) {
          throw new IllegalArgumentException("--summary file '" + f + "' does not exist");
        }
      }
      spec.commandLine().getOut().print(Summary.format(Summary.of(files)));
      spec.commandLine().getOut().flush();
      return 0;
    }
    if (samplers == null || samplers.isEmpty()) {
      throw new IllegalArgumentException(
          "--sampler is required; known samplers: " + String.join(", ", Samplers.known()));
    }
    if (trials < 1) {
      throw new IllegalArgumentException("--trials must be >= 1, but got " + trials);
    }
    for (String s : samplers) {
      if (!s.equals("grid") && !Samplers.known().contains(s)) {
        throw new IllegalArgumentException(
            "unknown sampler '" + s + "'; known samplers: " + String.join(", ", Samplers.known()));
      }
    }
    List<Object> fns = new ArrayList<>();
    for (String f : functions) {
      if (f.equals("all")) {
        fns.addAll(BenchmarkFunctions.all());
      } else if (MultiObjectiveFunctions.isMultiObjective(f)) {
        fns.add(MultiObjectiveFunctions.byName(f));
      } else {
        try {
          fns.add(BenchmarkFunctions.byName(f));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              e.getMessage()
                  + "; multi-objective: "
                  + String.join(
                      ", ",
                      MultiObjectiveFunctions.all().stream()
                          .map(MultiObjectiveFunction::name)
                          .toList()));
        }
      }
    }
    List<Long> seedList = SeedRange.parse(seeds);
    ObjectMapper json = new ObjectMapper();
    List<BenchResult> results = new ArrayList<>();
    try (BufferedWriter w =
        out == null
            ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
            : Files.newBufferedWriter(
                out,
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND)) {
      int total = samplers.size() * fns.size() * seedList.size();
      int done = 0;
      for (String s : samplers) {
        for (Object fn : fns) {
          String fname =
              fn instanceof BenchmarkFunction b ? b.name() : ((MultiObjectiveFunction) fn).name();
          for (long seed : seedList) {
            BenchResult r =
                fn instanceof BenchmarkFunction b
                    ? SuiteRunner.run(s, b, seed, trials)
                    : SuiteRunner.runMulti(s, (MultiObjectiveFunction) fn, seed, trials);
            String line = json.writeValueAsString(r);
            w.write(line);
            w.newLine();
            w.flush();
            results.add(r);
            done++;
            err.printf(
                "\r[%d/%d] %s %s seed %d: final %.6g (%.3f s)   ",
                done, total, s, fname, seed, r.finalValue(), r.wallS());
            err.flush();
          }
        }
      }
      err.println();
      err.print(Summary.format(Summary.ofResults(results)));
      err.flush();
    }
    return 0;
  }
}
