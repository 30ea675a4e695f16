package dev.supportchat.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportchat.realtime.ClientEvents;
import dev.supportchat.testing.NodeScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hands {@link SocketFuzzCases} to node-tests/security-fuzz.mjs and judges what became of each: a
 * client event is always answered, never with {@code internal}; an unknown event never; raw garbage
 * may cost the connection that sent it, nothing more. Acknowledged sends feed the {@link
 * MessageLedger}.
 */
final class SocketFuzzRun {
  /** Outcome → number of cases, e.g. {@code "ack invalid" → 223}. */
  final Map<String, Integer> outcomes = new TreeMap<>();

  final List<String> failures = new ArrayList<>();

  /** What the script saw of a normal conversation step held after the fuzzing. */
  final JsonNode normalStep;

  private SocketFuzzRun(JsonNode normalStep) {
    this.normalStep = normalStep;
  }

  static SocketFuzzRun run(
      SocketFuzzCases generator, int count, MatrixFixture f, MessageLedger ledger)
      throws Exception {
    ArrayNode cases = HostileJson.WRITER.createArrayNode();
    for (int i = 0; i < count; i++) {
      cases.add(generator.next());
    }
    JsonNode report =
        NodeScript.run("security-fuzz.mjs", f.app.baseUrl(), casesFile(cases, f).toString());
    SocketFuzzRun run = new SocketFuzzRun(report.path("normalStep"));
    run.judge(cases, report, ledger);
    for (String message : List.of("sentMessage", "replyMessage")) {
      if (run.normalStep.hasNonNull(message)) {
        ledger.acknowledged(run.normalStep.get(message), null);
      }
    }
    return run;
  }

  private void judge(ArrayNode cases, JsonNode report, MessageLedger ledger) {
    for (int i = 0; i < cases.size(); i++) {
      JsonNode c = cases.get(i);
      String outcome = report.path("results").path(i).asText("missing");
      outcomes.merge(outcome, 1, Integer::sum);
      if (!acceptable(c, outcome)) {
        failures.add("case " + i + " " + Excerpt.of(c.toString()) + " → " + outcome);
      }
      JsonNode sent = report.path("sent").path(String.valueOf(i));
      if (!sent.isMissingNode()) {
        boolean wellFormed = c.path("wellFormed").asBoolean();
        ledger.acknowledged(
            sent, wellFormed ? c.path("args").path(0).path("content").textValue() : null);
      }
    }
  }

  boolean normalStepWorked() {
    return List.of("joined", "sent", "adminSaw", "replied", "userSaw").stream()
        .allMatch(step -> normalStep.path(step).asBoolean());
  }

  private static boolean acceptable(JsonNode c, String outcome) {
    if (c.path("kind").asText().equals("raw")) {
      return outcome.equals("survived") || outcome.startsWith("disconnected");
    }
    // "client refused": the official client would not send it at all (a reserved name), so it never
    // reached us.
    if (outcome.equals("client refused")) {
      return true;
    }
    if (!ClientEvents.ALL.contains(c.path("event").asText())) {
      return outcome.equals("ignored");
    }
    return outcome.startsWith("ack ") && !outcome.equals("ack internal");
  }

  private static Path casesFile(ArrayNode cases, MatrixFixture f) throws Exception {
    ObjectNode input =
        HostileJson.WRITER
            .createObjectNode()
            .put("userToken", f.token(Caller.CHAT_USER))
            .put("adminToken", f.token(Caller.ADMIN))
            .put("chatId", f.chatId);
    input.set("cases", cases);
    Path file = Files.createTempFile("security-fuzz-", ".json");
    file.toFile().deleteOnExit();
    HostileJson.WRITER.writeValue(file.toFile(), input);
    return file;
  }
}
