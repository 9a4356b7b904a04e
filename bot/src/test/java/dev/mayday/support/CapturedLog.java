package dev.mayday.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * What one class logs while a test runs, for the test to read, and kept out of the build's output: a failure a test
 * provokes on purpose is asserted on here instead of printed as if something had gone wrong.
 */
public final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final boolean wasAdditive;
    private final Level wasLevel;
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    private CapturedLog(String source) {
        this.logger = (Logger) LoggerFactory.getLogger(source);
        this.wasAdditive = logger.isAdditive();
        this.wasLevel = logger.getLevel();
        logger.setLevel(Level.INFO);
        events.start();
        logger.addAppender(events);
        logger.setAdditive(false);
    }

    /** Captures what {@code source} logs at INFO and above from now until {@link #close()}. */
    public static CapturedLog of(Class<?> source) {
        return new CapturedLog(source.getName());
    }

    /** Captures what the logger {@code name} and those under it (e.g. a library's package) log, as above. */
    public static CapturedLog of(String name) {
        return new CapturedLog(name);
    }

    /** The messages logged at {@code level}, formatted, in order. */
    public List<String> messages(Level level) {
        return events.list.stream().filter(e -> e.getLevel().equals(level)).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    /** Every event, with its level, MDC and throwable. */
    public List<ILoggingEvent> events() {
        return List.copyOf(events.list);
    }

    @Override
    public void close() {
        logger.detachAppender(events);
        logger.setAdditive(wasAdditive);
        logger.setLevel(wasLevel);
        events.stop();
    }
}
