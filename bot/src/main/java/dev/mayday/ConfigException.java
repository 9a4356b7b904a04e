package dev.mayday;

/** Configuration that cannot start the bot; the message names the variable and what it wants. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
