package io.ferrymq.remoting;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Raises one logger to ERROR for the length of a noisy test. */
final class QuietLogger {
    private final Logger logger;
    private final Level previous;

    private QuietLogger(Logger logger) {
        this.logger = logger;
        this.previous = logger.getLevel();
    }

    static QuietLogger silence(String loggerName) {
        QuietLogger quiet = new QuietLogger((Logger) LoggerFactory.getLogger(loggerName));
        quiet.logger.setLevel(Level.ERROR);
        return quiet;
    }

    void restore() {
        logger.setLevel(previous);
    }
}
