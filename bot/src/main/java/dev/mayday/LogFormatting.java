package dev.mayday;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import java.net.URL;

/**
 * Puts logback on the format {@code LOG_FORMAT} asks for. Logback starts with {@code logback.xml} (text) before any
 * setting is read; {@code json} reloads it from {@code logback-json.xml}, before {@code serve} logs its first line.
 */
final class LogFormatting {

    private LogFormatting() {
    }

    static void use(LogFormat format) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        URL configuration = LogFormatting.class.getClassLoader().getResource(format.configuration());
        if (format == LogFormat.TEXT || !(factory instanceof LoggerContext context) || configuration == null) {
            return; // text is what logback started with (or what a test's class path configured)
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(configuration);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot read " + format.configuration() + ": " + e.getMessage(), e);
        }
    }
}
