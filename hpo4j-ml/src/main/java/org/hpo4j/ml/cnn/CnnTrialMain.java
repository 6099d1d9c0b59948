package org.hpo4j.ml.cnn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hpo4j.ml.space.SearchSpace;
import org.hpo4j.trial.FixedTrial;

/**
 * The child side of {@link CnnProcess}: trains one CNN configuration in a fresh JVM and talks to
 * its parent over stdin and stdout, one JSON object per line.
 *
 * <p>Request (one line on stdin): {@code {"data": file, "fit": [rows], "score": [rows], "epochs":
 * n, "seed": s, "params": {name: value}, "interactive": bool}}. Replies on stdout: {@code
 * {"started": {"parameters": n, "summary": text}}}, then {@code {"epoch": e, "accuracy": a}} per
 * epoch (when interactive, the child then waits for a line {@code continue}; anything else or end
 * of input stops it with exit code 3), then {@code {"result": {...}}}, or {@code {"error": text}}
 * with exit code 1. Everything else the JVM or PyTorch prints goes to stderr.
 */
public final class CnnTrialMain {
  static final int STOPPED = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  private CnnTrialMain() {}

  /** Runs one request; see the class comment. */
  public static void main(String[] args) throws Exception {
    exitWhenOrphaned();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err); // keep stdout for the protocol
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try {
      JsonNode req = JSON.readTree(in.readLine());
      CnnTraining.Images data = CnnDataFile.read(Path.of(req.get("data").asText()));
      Map<String, Object> params = JSON.convertValue(req.get("params"), Map.class);
      int epochs = req.get("epochs").asInt();
      boolean interactive = req.get("interactive").asBoolean();
      CnnTraining.Result r =
          CnnTraining.run(
              data,
              space(params),
              FixedTrial.of(Map.of()),
              rows(req.get("fit")),
              rows(req.get("score")),
              epochs,
              req.get("seed").asLong(),
              new CnnTraining.Progress() {
                @Override
                public void started(long parameters, String summary) {
                  send(
                      out, Map.of("started", Map.of("parameters", parameters, "summary", summary)));
                }

                @Override
                public void epoch(int epoch, double accuracy) {
                  send(out, Map.of("epoch", epoch, "accuracy", accuracy));
                  if (interactive && epoch < epochs && !readContinue(in)) {
                    System.exit(STOPPED);
                  }
                }
              });
      send(
          out,
          Map.of(
              "result",
              Map.of(
                  "accuracy", r.accuracy(), "parameters", r.parameters(), "summary", r.summary())));
    } catch (Exception | Error e) {
      e.printStackTrace();
      send(out, Map.of("error", e.getClass().getSimpleName() + ": " + e.getMessage()));
      System.exit(1);
    }
    System.exit(0); // DJL's engine may keep non-daemon threads
  }

  /** A trial process must not outlive its study (e.g. killed): checks the parent every second. */
  private static void exitWhenOrphaned() {
    ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
    Thread t =
        new Thread(
            () -> {
              while (parent != null && parent.isAlive()) {
                try {
                  Thread.sleep(1000);
                } catch (InterruptedException e) {
                  return;
                }
              }
              Runtime.getRuntime().halt(STOPPED);
            },
            "parent-watch");
    t.setDaemon(true);
    t.start();
  }

  /**
   * The default space with every parameter the parent drew (or fixed) pinned to the parent's value:
   * the child replays, it never draws, and the parent's study may have overridden any range or
   * fixed value, so the child checks only each value's type. A parameter the parent did not send
   * keeps its default, and asking for it in the child fails, naming it.
   */
  static SearchSpace space(Map<String, Object> params) {
    SearchSpace defaults = CnnSpace.defaults();
    Map<String, Object> pinned = new LinkedHashMap<>();
    for (String name : defaults.names()) {
      if (params.containsKey(name)) {
        pinned.put(name, params.get(name));
      }
    }
    return defaults.withOverrides(pinned);
  }

  private static boolean readContinue(BufferedReader in) {
    try {
      return "continue".equals(in.readLine());
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static void send(PrintStream out, Map<String, ?> message) {
    try {
      out.println(JSON.writeValueAsString(message));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int[] rows(JsonNode a) {
    int[] r = new int[a.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = a.get(i).asInt();
    }
    return r;
  }
}
