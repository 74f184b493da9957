package io.inmo.bootstrap;

import io.inmo.bootstrap.config.AppConfig;
import io.inmo.bootstrap.config.ConfigException;
import io.inmo.bootstrap.demo.DemoDataCommand;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Entry point of {@code java -jar inmo.jar}: configuration, start, banner, graceful shutdown;
 * {@code java -jar inmo.jar demo-data …} fills an Inmo with demo data instead ({@link
 * DemoDataCommand}).
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length > 0 && args[0].equals("demo-data")) {
      System.exit(DemoDataCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
      return;
    }
    long started = System.nanoTime();
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();

    AppConfig config;
    try {
      config = AppConfig.fromEnvironment();
    } catch (ConfigException e) {
      System.err.println("Inmo cannot start: " + e.getMessage());
      System.exit(2);
      return;
    }

    Inmo inmo;
    try {
      inmo = Inmo.start(config);
    } catch (RuntimeException e) {
      LOG.error("Inmo could not start: {}", e.getMessage(), e);
      System.exit(1);
      return;
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info(
                      "shutting down: finishing requests in flight (up to {} s)",
                      config.shutdownGraceSeconds());
                  inmo.close();
                  LOG.info("stopped");
                  stopped.countDown();
                },
                "inmo-shutdown"));

    Duration startup = Duration.ofNanos(System.nanoTime() - started);
    Banner.print(inmo, startup);
    stopped.await();
  }
}
