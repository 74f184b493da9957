package io.inmo.adapters.persistence;

import java.util.logging.Level;
import liquibase.logging.Logger;
import liquibase.logging.core.AbstractLogService;
import liquibase.logging.core.AbstractLogger;
import org.slf4j.LoggerFactory;

/** Sends Liquibase's log to SLF4J (instead of java.util.logging on stderr). */
final class Slf4jLiquibaseLogService extends AbstractLogService {

  @Override
  public int getPriority() {
    return PRIORITY_SPECIALIZED;
  }

  @Override
  public Logger getLog(@SuppressWarnings("rawtypes") Class type) {
    return new Slf4jLogger(LoggerFactory.getLogger(type == null ? "liquibase" : type.getName()));
  }

  private static final class Slf4jLogger extends AbstractLogger {
    private final org.slf4j.Logger delegate;

    Slf4jLogger(org.slf4j.Logger delegate) {
      this.delegate = delegate;
    }

    @Override
    public void close() {
      // nothing to release: SLF4J loggers are shared
    }

    @Override
    public void log(Level level, String message, Throwable e) {
      if (level == null || level == Level.OFF) {
        return;
      }
      String text = message;
      int value = level.intValue();
      if (value >= Level.SEVERE.intValue()) {
        delegate.error(text, e);
      } else if (value >= Level.WARNING.intValue()) {
        delegate.warn(text, e);
      } else if (value >= Level.INFO.intValue()) {
        delegate.info(text, e);
      } else if (value >= Level.FINE.intValue()) {
        delegate.debug(text, e);
      } else {
        delegate.trace(text, e);
      }
    }
  }
}
