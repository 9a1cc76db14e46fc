package io.queuegate.verifier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.queuegate.domain.log.Verdict;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueueException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * {@code scripts/verify-log <base-url> <event_id> [options]}: checks an event's public log and,
 * optionally, a join receipt (docs/fairness.md#log). Exit 0 when every check holds, 1 when one
 * fails, 2 when the log or the receipt could not be read. Options: {@code --receipt <jws|@file>},
 * {@code --window <n>} (the widest ready window to accept), {@code --commitment <hex>} (the one you
 * saw before the opening; else the shuffle route's), {@code --save <file>} (keep the log read),
 * {@code --log-file <file>} (read a saved log instead of the service's; the base URL is then only
 * asked for the JWK set when a receipt is given, and may be {@code -}).
 */
public final class VerifyLog {
  private VerifyLog() {}

  public static void main(String[] args) throws InterruptedException {
    System.exit(run(List.of(args), System.out));
  }

  /** Runs the command, writing its report to {@code out}; returns the exit status. */
  public static int run(List<String> args, PrintStream out) throws InterruptedException {
    Deque<String> rest = new ArrayDeque<>(args);
    try {
      if (rest.size() < 2) {
        throw new IllegalArgumentException(
            "usage: verify-log <base-url|-> <event_id> [--receipt <jws|@file>] [--window <n>]"
                + " [--commitment <hex>] [--save <file>] [--log-file <file>]");
      }
      String base = rest.pop();
      EventId eventId = EventId.parse(rest.pop());
      Optional<String> receipt = Optional.empty();
      Optional<Long> window = Optional.empty();
      Optional<String> commitment = Optional.empty();
      Optional<Path> save = Optional.empty();
      Optional<Path> logFile = Optional.empty();
      while (!rest.isEmpty()) {
        String option = rest.pop();
        if (rest.isEmpty()) {
          throw new IllegalArgumentException(option + " needs a value");
        }
        String value = rest.pop();
        switch (option) {
          case "--receipt" -> receipt = Optional.of(readArgument(value));
          case "--window" -> window = Optional.of(Long.parseLong(value));
          case "--commitment" -> commitment = Optional.of(value.strip());
          case "--save" -> save = Optional.of(Path.of(value));
          case "--log-file" -> logFile = Optional.of(Path.of(value));
          default -> throw new IllegalArgumentException("unknown option " + option);
        }
      }
      ArrayNode records;
      Optional<String> jwks;
      // A client's selector thread lives until it is closed: run in a JVM that goes on (tests).
      try (ServiceClient service = new ServiceClient(base)) {
        if (logFile.isPresent()) {
          records = LogJson.recordsArray(LogJson.parse(Files.readString(logFile.get())));
        } else {
          records = service.log(eventId);
          if (commitment.isEmpty()) {
            commitment = service.commitment(eventId);
          }
        }
        if (save.isPresent()) {
          Files.writeString(save.get(), LogJson.saved(eventId.value(), records));
        }
        jwks = receipt.isPresent() ? Optional.of(service.jwks()) : Optional.empty();
      }
      Verdict verdict =
          new Verification(
                  eventId,
                  LogJson.records(LogJson.MAPPER.createObjectNode().set("records", records)),
                  commitment,
                  window,
                  receipt,
                  jwks)
              .run();
      verdict.notes().forEach(note -> out.println("  " + note));
      verdict.findings().forEach(f -> out.println("FAIL " + f));
      out.println(
          verdict.passed()
              ? "VERIFIED: every check holds for event " + eventId.value()
              : "NOT VERIFIED: "
                  + verdict.findings().size()
                  + " problem(s) in event "
                  + eventId.value()
                  + "'s log");
      return verdict.passed() ? 0 : 1;
    } catch (IllegalArgumentException | IOException | QueueException e) {
      out.println("ERROR " + e.getMessage());
      return 2;
    }
  }

  private static String readArgument(String value) throws IOException {
    return value.startsWith("@")
        ? Files.readString(Path.of(value.substring(1)), StandardCharsets.US_ASCII).strip()
        : value;
  }
}
