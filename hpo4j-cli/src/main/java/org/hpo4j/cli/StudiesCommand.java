package org.hpo4j.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.hpo4j.jdbc.StudyExporter;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.StudySummary;
import org.hpo4j.study.Study;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hpo studies list|show|delete|export|importance|migrate|copy}: look after the studies of a
 * storage.
 */
@Command(
    name = "studies",
    description = "List, show, delete, export, migrate or copy the studies of a storage.",
    subcommands = {
      StudiesCommand.ListStudies.class,
      StudiesCommand.Show.class,
      StudiesCommand.Delete.class,
      StudiesCommand.Export.class,
      StudiesCommand.Importance.class,
      StudiesCommand.Migrate.class,
      StudiesCommand.Copy.class
    })
final class StudiesCommand {

  /** The storage option every subcommand takes, and the command's spec for its output. */
  static class StorageOption {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--storage", description = "Storage URL (default " + StorageUrls.DEFAULT + ").")
    String storage;

    /**
     * A missing SQLite file is refused, not created; a database that needs migrating is refused,
     * not migrated.
     */
    Storage open() {
      return StorageUrls.openExisting(storage);
    }
  }

  /** A subcommand about one study, named by its first argument. */
  static class NamedStudy extends StorageOption {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;
  }

  static long require(Storage st, String name) {
    return st.findStudy(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no study named '"
                        + name
                        + "' in this storage; 'hpo studies list' shows the ones there are"));
  }

  /**
   * Fails the trials of dead workers (no heartbeat for the grace period) before a study is shown,
   * so that a user who looks sees them as FAIL even when no worker is left to sweep; a storage that
   * cannot be written (a read-only file) is shown as it is.
   */
  static void sweep(Storage st, long id) {
    try {
      st.failStaleTrials(id);
    } catch (RuntimeException e) {
      // shown unswept
    }
  }

  @Command(name = "list", description = "One line per study: name, directions, trials.")
  static final class ListStudies extends StorageOption implements Runnable {
    @Override
    public void run() {
      PrintWriter out = spec.commandLine().getOut();
      try (Storage st = open()) {
        out.printf("%-32s %-24s %8s%n", "study", "directions", "trials");
        for (StudySummary s : st.studies()) {
          out.printf("%-32s %-24s %8d%n", s.name(), s.directions(), s.trialCount());
        }
      }
      out.flush();
    }
  }

  @Command(
      name = "show",
      description = "Counts per state and the best trial (or Pareto front) of a study.")
  static final class Show extends NamedStudy implements Runnable {
    @Override
    public void run() {
      PrintWriter out = spec.commandLine().getOut();
      try (Storage st = open()) {
        long id = require(st, name);
        sweep(st, id);
        Study study =
            Study.builder()
                .name(name)
                .storage(st)
                .loadIfExists(true)
                .directions(st.directions(id).toArray(new org.hpo4j.study.StudyDirection[0]))
                .build();
        Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        for (FrozenTrial t : study.trials()) {
          counts.merge(t.state(), 1, Integer::sum);
        }
        out.printf(Locale.ROOT, "study '%s' %s: %s%n", name, study.directions(), counts);
        Report.printBest(study, out);
      }
    }
  }

  @Command(
      name = "migrate",
      description =
          "Bring a database to Optuna's schema (revision "
              + "v3.2.0.a): once, in one transaction, an SQLite file backed up first. Commands that write do the same.")
  static final class Migrate extends StorageOption implements Runnable {
    @Override
    public void run() {
      String url = storage == null ? StorageUrls.DEFAULT : storage.trim();
      if (!url.startsWith("sqlite:") && !url.startsWith("jdbc:") && !url.startsWith("postgres")) {
        throw new IllegalArgumentException(
            "--storage: only SQLite and PostgreSQL storages have a schema to migrate, "
                + "but got '"
                + StorageUrls.describe(url)
                + "'");
      }
      try (org.hpo4j.jdbc.JdbcStorage st = org.hpo4j.jdbc.JdbcStorage.open(url)) {
        String note = st.schemaNote();
        spec.commandLine()
            .getOut()
            .println(
                note != null
                    ? note
                    : "already at Optuna's schema (revision v3.2.0.a); nothing to do");
      }
      spec.commandLine().getOut().flush();
    }
  }

  @Command(
      name = "copy",
      description = "Copy a study between two storages of any kind (as Optuna's copy_study).")
  static final class Copy implements Runnable {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, description = "Source storage URL.")
    String from;

    @Option(names = "--to", required = true, description = "Target storage URL.")
    String to;

    @Option(names = "--as", description = "Name of the copy (default: the same name).")
    String as;

    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "NAME",
        description = "Study to copy (default: the only study of the source).")
    String name;

    @Override
    public void run() {
      try (Storage src = StorageUrls.openExisting(from);
          Storage dst = StorageUrls.open(to)) {
        String n = name;
        if (n == null) {
          java.util.List<StudySummary> all = src.studies();
          if (all.size() != 1) {
            throw new IllegalArgumentException(
                "NAME: the source has "
                    + all.size()
                    + " studies ("
                    + all.stream().map(StudySummary::name).toList()
                    + "); name the one to copy");
          }
          n = all.get(0).name();
        }
        require(src, n);
        String target = as == null ? n : as;
        int count = org.hpo4j.jdbc.StudyCopier.copy(src, n, dst, target);
        spec.commandLine()
            .getOut()
            .printf(
                "copied study '%s' (%d trials) to '%s' on %s%n",
                n, count, target, StorageUrls.describe(to));
      }
      spec.commandLine().getOut().flush();
    }
  }

  @Command(name = "delete", description = "Delete a study and all its trials.")
  static final class Delete extends NamedStudy implements Runnable {
    @Override
    public void run() {
      try (Storage st = open()) {
        st.deleteStudy(require(st, name));
      }
      spec.commandLine().getOut().println("deleted study '" + name + "'");
      spec.commandLine().getOut().flush();
    }
  }

  @Command(
      name = "export",
      description = "Write a study's trials as CSV (one row per trial) or JSON.")
  static final class Export extends NamedStudy implements Runnable {
    @Option(
        names = "--format",
        defaultValue = "csv",
        description = "csv or json (default ${DEFAULT-VALUE}).")
    String format;

    @Option(
        names = {"-o", "--out"},
        description = "Output file (default: standard output).")
    Path out;

    private void write(Storage st, Writer w) {
      if (format.equals("csv")) {
        StudyExporter.writeCsv(st, name, w);
      } else {
        StudyExporter.writeJson(st, name, w);
      }
      try {
        w.flush();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public void run() {
      if (!format.equals("csv") && !format.equals("json")) {
        throw new IllegalArgumentException(
            "--format must be csv or json, but got '" + format + "'");
      }
      try (Storage st = open()) {
        require(st, name);
        if (out == null) {
          write(st, spec.commandLine().getOut());
          return;
        }
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
          write(st, w);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
      }
    }
  }

  @Command(
      name = "importance",
      description = "Parameter importances (PED-ANOVA) of a study's objective.")
  static final class Importance extends NamedStudy implements Runnable {
    @Option(
        names = "--objective",
        defaultValue = "0",
        description = "Objective index (default ${DEFAULT-VALUE}).")
    int objective;

    @Override
    public void run() {
      PrintWriter out = spec.commandLine().getOut();
      try (Storage st = open()) {
        long id = require(st, name);
        int n = st.directions(id).size();
        if (objective < 0 || objective >= n) {
          throw new IllegalArgumentException(
              "--objective must be in [0, " + (n - 1) + "], but got " + objective);
        }
        Map<String, Double> shares =
            org.hpo4j.dashboard.importance.Importance.of(st, name, objective);
        if (shares.isEmpty()) {
          out.println(
              "not enough complete trials for importances (need "
                  + org.hpo4j.dashboard.importance.Importance.MIN_TRIALS
                  + ")");
        }
        shares.forEach((k, v) -> out.printf(Locale.ROOT, "%-24s %6.3f%n", k, v));
      }
      out.flush();
    }
  }
}
