package io.inmo.bootstrap.demo;

import ch.qos.logback.classic.Level;
import io.inmo.bootstrap.Inmo;
import io.inmo.bootstrap.config.AppConfig;
import io.inmo.bootstrap.config.ConfigException;
import io.inmo.bootstrap.demo.DemoReport.Account;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar inmo.jar demo-data [--url URL] [--password PASSWORD]} ({@code ./inmo demo}):
 * fills the Inmo answering at the URL (by default this machine's, from {@code INMO_PORT}) with the
 * demo brokerage through its API; when none answers, starts one in this process on the configured
 * database, fills it and stops it (ADR 0019).
 */
public final class DemoDataCommand {
  private final PrintStream out;

  DemoDataCommand(PrintStream out) {
    this.out = out;
  }

  /** Runs the command; returns the process exit code. */
  public static int run(String[] args) {
    return new DemoDataCommand(System.out).execute(args);
  }

  int execute(String[] args) {
    String url = null;
    String password = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url", "--password" -> {
          if (i + 1 == args.length) {
            usage();
            return 2;
          }
          if (args[i].equals("--url")) {
            url = args[++i];
          } else {
            password = args[++i];
          }
        }
        case "-h", "--help" -> {
          usage();
          return 0;
        }
        default -> {
          usage();
          return 2;
        }
      }
    }
    try {
      AppConfig config = AppConfig.fromEnvironment();
      URI base = url != null ? URI.create(url) : localUrl(config);
      DemoFiller filler = new DemoFiller(base, password, line -> out.println("  " + line));
      if (filler.serverIsUp()) {
        out.println("Using the Inmo at " + base + "…");
        print(filler.fill(), base);
        return 0;
      }
      if (url != null) {
        out.println("No Inmo answers at " + base + ": start it first (./inmo start).");
        return 1;
      }
      return fillInProcess(password);
    } catch (ConfigException e) {
      out.println("Inmo's configuration is not valid: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      out.println("The demo data could not be written: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  /** No server is running: one in this process, on a free loopback port, for as long as needed. */
  private int fillInProcess(String password) throws InterruptedException {
    AppConfig regular = AppConfig.fromEnvironment();
    out.println(
        "No Inmo is running at "
            + localUrl(regular)
            + ": starting one in this process to write the demo data (it stops when done)…");
    quietLogs();
    try (Inmo inmo =
        Inmo.start(AppConfig.fromEnvironment(Map.of("INMO_PORT", "0", "INMO_HOST", "127.0.0.1")))) {
      URI base = URI.create("http://127.0.0.1:" + inmo.port());
      DemoReport report = new DemoFiller(base, password, line -> out.println("  " + line)).fill();
      print(report, regular.publicUrl());
      inmo.firstAdmin()
          .ifPresent(
              admin ->
                  out.println(
                      "\n First start: a platform administrator (SUPERADMIN) was created: "
                          + admin.email()
                          + " / "
                          + admin.password()
                          + " (shown only once)."));
      out.println("\nStart Inmo with ./inmo start (or ./inmo run) and sign in.");
    }
    return 0;
  }

  private void print(DemoReport report, URI signIn) {
    if (!report.created()) {
      out.println(
          "The demo brokerage «"
              + report.broker()
              + "» already exists (ADMIN "
              + report.accounts().getFirst().email()
              + "): nothing was written. Sign in with the passwords printed when it was created.");
      return;
    }
    List<String> lines = new ArrayList<>();
    lines.add("Demo data ready: «" + report.broker() + "» (" + report.slug() + ")");
    StringBuilder stages = new StringBuilder();
    report
        .leadsByStage()
        .forEach(
            (stage, count) ->
                stages
                    .append(stages.isEmpty() ? "" : ", ")
                    .append(stage)
                    .append(' ')
                    .append(count));
    lines.add("  " + report.leads() + " leads: " + stages);
    lines.add(
        "  "
            + report.conversations()
            + " web-chat conversations with "
            + report.replies()
            + " replies");
    lines.add("  Sign in at " + signIn.toString().replaceAll("/$", "") + "/ as:");
    int name = report.accounts().stream().mapToInt(a -> a.name().length()).max().orElse(10);
    int email = report.accounts().stream().mapToInt(a -> a.email().length()).max().orElse(10);
    for (Account account : report.accounts()) {
      lines.add(
          String.format(
              "    %-5s  %-" + name + "s  %-" + email + "s  %s",
              account.role(),
              account.name(),
              account.email(),
              account.password()));
    }
    lines.add("  The passwords are shown only once. Demo data: not for a production server.");
    int width = lines.stream().mapToInt(String::length).max().orElse(40) + 2;
    String rule = "=".repeat(width);
    out.println("\n" + rule);
    lines.forEach(line -> out.println(" " + line));
    out.println(rule);
  }

  /** The URL of the Inmo this machine's configuration starts. */
  static URI localUrl(AppConfig config) {
    String host = config.host();
    if (host.equals("0.0.0.0") || host.equals("::") || host.isBlank()) {
      host = "127.0.0.1";
    }
    return URI.create("http://" + host + ":" + config.port());
  }

  /** An in-process server logs what a server logs; the command's own lines matter here. */
  private static void quietLogs() {
    for (String name : List.of(org.slf4j.Logger.ROOT_LOGGER_NAME, "io.inmo")) {
      if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
        logger.setLevel(Level.WARN);
      }
    }
  }

  private void usage() {
    out.println(
        """
        usage: ./inmo demo [--url URL] [--password PASSWORD]
          Fills Inmo with the demo brokerage «Propiedades Demo»: an ADMIN, three AGENTs, ~100
          Chilean leads across the pipeline and web-chat conversations answered by the AI agent.
          --url       the Inmo to fill (default: this machine's, http://127.0.0.1:$INMO_PORT);
                      without --url and with no Inmo running, one is started for the run
          --password  one password (≥ 10 characters) for every demo account; default: generated
          A second run finds the demo brokerage and writes nothing.""");
  }
}
