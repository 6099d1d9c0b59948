package org.hpo4j.ml.command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hpo4j.ml.space.SearchSpace;
import org.hpo4j.study.MultiObjective;
import org.hpo4j.study.Objective;
import org.hpo4j.trial.Trial;
import org.hpo4j.trial.TrialPrunedException;

/**
 * Tunes any program: each evaluation draws the parameters, runs the command with them substituted
 * into its arguments ({@code {name}} placeholders) and also passed as environment variables ({@code
 * HPO_PARAM_NAME}, upper-cased, non-alphanumerics as {@code _}; and {@code HPO_PARAMS} as JSON),
 * and reads the result from its standard output (see {@link CommandOutput}).
 *
 * <p>The command is started directly, never through a shell: a parameter value such as {@code ; rm
 * -rf x} stays one literal argument. Each run leads a process group of its own ({@link
 * ProcessGroups}), ended with all its children when the run is killed or the worker shuts down or
 * is killed; its standard input is empty. A run that exceeds the timeout is killed that way and
 * fails the trial, as do a non-zero exit and unreadable output; the message quotes the last lines
 * of standard error.
 *
 * <p>Thread-safe: evaluations share only immutable configuration.
 */
public final class CommandObjective {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.-]*)}");
  private static final int STDERR_TAIL = 20;

  private final List<String> argv;
  private final SearchSpace space;
  private final Duration timeout;
  private final Path workDir;
  private final Map<String, String> env;

  /**
   * @param argv the command and its arguments, with {@code {name}} placeholders
   * @param space the parameters, in the order they are drawn (see {@link SearchSpace#parse})
   * @param timeout per-run limit, positive
   * @param workDir the working directory, or null for the current one
   * @param env extra environment variables
   * @throws IllegalArgumentException if argv is empty, a placeholder names no parameter, or the
   *     timeout is not positive
   */
  public CommandObjective(
      List<String> argv,
      SearchSpace space,
      Duration timeout,
      Path workDir,
      Map<String, String> env) {
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("the command must not be empty");
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("the timeout must be positive, but got " + timeout);
    }
    for (String a : argv) {
      Matcher m = PLACEHOLDER.matcher(a);
      while (m.find()) {
        if (!space.names().contains(m.group(1))) {
          throw new IllegalArgumentException(
              String.format(
                  "argument '%s' names parameter '%s', which the space does not declare; declared are %s",
                  a, m.group(1), space.names()));
        }
      }
    }
    this.argv = List.copyOf(argv);
    this.space = space;
    this.timeout = timeout;
    this.workDir = workDir;
    this.env = Map.copyOf(env);
  }

  /** The objective for a single-valued program. */
  public Objective objective() {
    return trial -> {
      double[] v = run(trial);
      if (v.length != 1) {
        throw new IllegalStateException(
            "the program returned " + v.length + " values, but the study has one objective");
      }
      return v[0];
    };
  }

  /** The objective for a program that prints several values. */
  public MultiObjective multiObjective() {
    return this::run;
  }

  /**
   * Runs the command once with parameters drawn from {@code trial}.
   *
   * @return the values of the last stdout line
   * @throws CommandFailedException on a non-zero exit, a timeout or unreadable output
   * @throws IOException if the command cannot be started
   * @throws InterruptedException if interrupted while waiting
   */
  public double[] run(Trial trial) throws IOException, InterruptedException {
    Map<String, Object> params = new LinkedHashMap<>();
    for (String name : space.names()) {
      params.put(name, space.suggest(trial, name));
    }
    ProcessBuilder pb = new ProcessBuilder(ProcessGroups.wrap(substitute(params)));
    if (workDir != null) {
      pb.directory(workDir.toFile());
    }
    Map<String, String> penv = pb.environment();
    penv.putAll(env);
    params.forEach((k, v) -> penv.put(envName(k), format(v)));
    penv.put("HPO_PARAMS", json(params));
    Process p = pb.start();
    ProcessGroups.started(p);
    try {
      return await(p, trial);
    } finally {
      ProcessGroups.finished(p);
    }
  }

  private double[] await(Process p, Trial s) throws IOException, InterruptedException {
    Deque<String> errTail = new ArrayDeque<>();
    Thread errDrain = drain(p.getErrorStream(), errTail);
    AtomicBoolean timedOut = new AtomicBoolean();
    Thread watchdog =
        new Thread(
            () -> {
              try {
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                  timedOut.set(true);
                  kill(p);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "hpo-command-timeout");
    watchdog.setDaemon(true);
    watchdog.start();
    String last = null;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        Optional<Map.Entry<Integer, Double>> im = CommandOutput.intermediate(line);
        if (im.isPresent()) {
          s.report(im.get().getKey(), im.get().getValue());
          if (s.shouldPrune()) {
            kill(p);
            throw new TrialPrunedException();
          }
        } else if (!line.isBlank()) {
          last = line;
        }
      }
    } catch (IllegalArgumentException e) {
      kill(p);
      throw new CommandFailedException(e.getMessage() + stderr(errTail));
    } finally {
      if (p.isAlive() && timedOut.get()) {
        kill(p);
      }
    }
    int code = p.waitFor();
    watchdog.interrupt();
    errDrain.join(1000);
    if (timedOut.get()) {
      throw new CommandFailedException(
          String.format(
              "the command timed out after %s and was killed%s", timeout, stderr(errTail)));
    }
    if (code != 0) {
      throw new CommandFailedException(
          String.format("the command exited with code %d%s", code, stderr(errTail)));
    }
    try {
      CommandOutput.Result r = CommandOutput.result(last);
      r.intermediate().forEach(s::report);
      return r.values();
    } catch (IllegalArgumentException e) {
      throw new CommandFailedException(e.getMessage() + stderr(errTail));
    }
  }

  /**
   * Ends every run still going in this JVM with its whole process group (SIGTERM, then SIGKILL
   * after two seconds), as the shutdown hook does: for a signal handler that halts the JVM, which
   * runs no hook.
   */
  public static void endAllRuns() {
    ProcessGroups.endAll();
  }

  List<String> substitute(Map<String, Object> params) {
    List<String> out = new ArrayList<>(argv.size());
    for (String a : argv) {
      Matcher m = PLACEHOLDER.matcher(a);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(sb, Matcher.quoteReplacement(format(params.get(m.group(1)))));
      }
      m.appendTail(sb);
      out.add(sb.toString());
    }
    return out;
  }

  static String envName(String param) {
    return "HPO_PARAM_" + param.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  private static String format(Object v) {
    return String.valueOf(v);
  }

  private static String json(Map<String, Object> params) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(params);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void kill(Process p) {
    ProcessGroups.kill(p);
  }

  private static Thread drain(InputStream in, Deque<String> tail) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > STDERR_TAIL) {
                      tail.removeFirst();
                    }
                  }
                }
              } catch (IOException e) {
                // the process was killed; what was read is kept
              }
            },
            "hpo-command-stderr");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static String stderr(Deque<String> tail) {
    synchronized (tail) {
      return tail.isEmpty() ? "" : "; last lines of stderr:\n  " + String.join("\n  ", tail);
    }
  }
}
