package org.hpo4j.ml.cnn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one CNN training in a child JVM ({@link CnnTrialMain}) with the parent's class path, and
 * relays its epochs to a {@link CnnTraining.Progress} (which may stop it, e.g. to prune).
 *
 * <p>Why a process per training: the child's heap is filled on allocation (see {@link
 * #childEnvironment}), a retry after a non-finite training starts clean, and a native crash kills
 * the trial, not the study. Cost: about a second of JVM and engine start-up per trial. The child
 * runs C1 only: it is short-lived.
 *
 * <p>Thread-safe: each call starts its own process.
 */
final class CnnProcess {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String PERTURB = "MALLOC_PERTURB_";
  private final CnnTraining.Images data;
  private final int threads;
  private Path dataFile;

  CnnProcess(CnnTraining.Images data, int threads) {
    this.data = data;
    this.threads = threads;
  }

  private synchronized Path dataFile() {
    if (dataFile == null) {
      try {
        dataFile = CnnDataFile.write(data);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the CNN images for the trial process", e);
      }
    }
    return dataFile;
  }

  /**
   * Trains {@code params} in a child JVM.
   *
   * @throws ArithmeticException if the child reports a diverged training
   * @throws IllegalStateException if the child fails otherwise or dies
   */
  CnnTraining.Result run(
      Map<String, Object> params,
      int[] fit,
      int[] score,
      int epochs,
      long seed,
      boolean interactive,
      CnnTraining.Progress progress) {
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("data", dataFile().toString());
    req.put("fit", fit);
    req.put("score", score);
    req.put("epochs", epochs);
    req.put("seed", seed);
    req.put("params", params);
    req.put("interactive", interactive);
    Path err = null;
    Process p = null;
    try {
      err = Files.createTempFile("hpo4j-cnn-", ".err");
      ProcessBuilder pb = new ProcessBuilder(command()).redirectError(err.toFile());
      childEnvironment(pb.environment());
      p = pb.start();
      Writer w = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
      w.write(JSON.writeValueAsString(req) + "\n");
      w.flush();
      BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.startsWith("{")) {
          continue;
        }
        JsonNode m = JSON.readTree(line);
        if (m.has("started")) {
          JsonNode s = m.get("started");
          progress.started(s.get("parameters").asLong(), s.get("summary").asText());
        } else if (m.has("epoch")) {
          int epoch = m.get("epoch").asInt();
          progress.epoch(epoch, m.get("accuracy").asDouble()); // may throw to stop
          if (interactive && epoch < epochs) {
            w.write("continue\n");
            w.flush();
          }
        } else if (m.has("result")) {
          JsonNode res = m.get("result");
          return new CnnTraining.Result(
              res.get("accuracy").asDouble(),
              res.get("parameters").asLong(),
              res.get("summary").asText());
        } else if (m.has("error")) {
          String msg = m.get("error").asText();
          if (msg.startsWith("ArithmeticException: ")) {
            throw new ArithmeticException(msg.substring("ArithmeticException: ".length()));
          }
          throw new IllegalStateException("CNN trial process failed: " + msg);
        }
      }
      int code = p.waitFor();
      throw new IllegalStateException(
          "CNN trial process ended (exit code "
              + code
              + ") without a result; its stderr ends with:\n"
              + tail(err));
    } catch (IOException e) {
      throw new UncheckedIOException("CNN trial process: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the CNN trial process ran", e);
    } finally {
      if (p != null) {
        p.destroyForcibly();
      }
      if (err != null) {
        try {
          Files.deleteIfExists(err);
        } catch (IOException ignored) {
          // a temp file left behind is harmless
        }
      }
    }
  }

  /**
   * Makes glibc fill every heap block it hands out with 0x80 bytes ({@code MALLOC_PERTURB_=127})
   * unless the user chose a value. Why: some of PyTorch's CPU kernels (oneDNN's AVX-512
   * convolutions among them) read memory they did not write and multiply it by zero; left-over
   * bytes that happen to spell NaN or infinity then poison the gradients (docs/ml/cnn-nan.md).
   * 0x80808080 is a tiny finite float, so the product stays zero. Measured cost: none visible.
   */
  static void childEnvironment(Map<String, String> env) {
    env.putIfAbsent(PERTURB, "127");
  }

  private List<String> command() {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dai.djl.offline=true",
                "-Dai.djl.pytorch.num_threads=" + threads,
                "-Dai.djl.pytorch.num_interop_threads=1"));
    for (String key : List.of("ai.djl.pytorch.graph_optimizer", "java.io.tmpdir")) {
      if (System.getProperty(key) != null) {
        cmd.add("-D" + key + "=" + System.getProperty(key));
      }
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), CnnTrialMain.class.getName()));
    return cmd;
  }

  private static String tail(Path err) {
    try {
      List<String> lines =
          Files.readAllLines(err, StandardCharsets.UTF_8).stream()
              .filter(l -> !l.contains("NNPACK"))
              .toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }
}
