package dev.mayday.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.handler.builtin.MessageShortcutHandler;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;

import java.util.Set;
import java.util.TreeSet;

/** Registers handlers on the Bolt app and remembers what was registered. */
public final class SlackHandlers {

    private final App app;
    private final Set<String> commands = new TreeSet<>();
    private final Set<String> messageShortcuts = new TreeSet<>();
    private final Set<String> blockActions = new TreeSet<>();
    private final Set<String> viewSubmissions = new TreeSet<>();
    private final Set<String> botEvents = new TreeSet<>();

    public SlackHandlers(App app) {
        this.app = app;
    }

    public SlackHandlers command(String name, SlashCommandHandler handler) {
        commands.add(name);
        app.command(name, handler);
        return this;
    }

    public SlackHandlers messageShortcut(String callbackId, MessageShortcutHandler handler) {
        messageShortcuts.add(callbackId);
        app.messageShortcut(callbackId, handler);
        return this;
    }

    public SlackHandlers blockAction(String actionId, BlockActionHandler handler) {
        blockActions.add(actionId);
        app.blockAction(actionId, handler);
        return this;
    }

    public SlackHandlers viewSubmission(String callbackId, ViewSubmissionHandler handler) {
        viewSubmissions.add(callbackId);
        app.viewSubmission(callbackId, handler);
        return this;
    }

    public SlackSurface surface() {
        return new SlackSurface(Set.copyOf(commands), Set.copyOf(messageShortcuts), Set.copyOf(blockActions),
                Set.copyOf(viewSubmissions), Set.copyOf(botEvents));
    }
}
