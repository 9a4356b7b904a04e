package dev.mayday.slack.handlers;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.mayday.incident.Declaration;
import dev.mayday.incident.Declared;
import dev.mayday.incident.IncidentService;
import dev.mayday.premortem.PremortemLinks;
import dev.mayday.incident.MessageDeclarations;
import dev.mayday.incident.QuotedMessage;
import dev.mayday.incident.Severity;
import dev.mayday.slack.api.SlackGateway;
import dev.mayday.slack.delivery.DeclarationReplies;
import dev.mayday.slack.requests.AckWindow;
import dev.mayday.slack.requests.UserFacingErrors;
import dev.mayday.text.UserText;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The declare form that {@code /incident} alone opens, and its submission. A view is submitted once per view id,
 * so the view id is the declaration's origin: a double click or a retried submission declares one incident. When the
 * store is slow (a storm of declarations queued for their turn to write), the {@link AckWindow} closes the form in
 * time and the declaration goes on: the declarer hears from Mayday by direct message either way.
 */
public final class DeclareModal implements ViewSubmissionHandler {

    public static final String CALLBACK_ID = "declare_incident";
    static final String TITLE = "title";
    static final String SEVERITY = "severity";
    static final String SUMMARY = "summary";
    static final String PRIVACY = "privacy";
    static final String PRACTICE = "practice";
    private static final String VALUE = "value";
    /** Slack's limit on a text input's initial value. */
    private static final int MAX_SUMMARY = 3_000;

    private final IncidentService incidents;
    private final MessageDeclarations fromMessages;
    private final SlackGateway slack;
    private final DeclarationReplies replies;
    private final AckWindow ackWindow;
    private final PremortemLinks premortemLinks;

    /** {@code premortemLinks}: the pre-mortems a new incident's title matches are offered to its declarer. */
    public DeclareModal(IncidentService incidents, MessageDeclarations fromMessages, SlackGateway slack,
                        DeclarationReplies replies, AckWindow ackWindow, PremortemLinks premortemLinks) {
        this.incidents = incidents;
        this.fromMessages = fromMessages;
        this.slack = slack;
        this.replies = replies;
        this.ackWindow = ackWindow;
        this.premortemLinks = premortemLinks;
    }

    /** The form prefilled from {@code message} (its first line as the title, all of it as the summary). */
    public View formFrom(QuotedMessage message) {
        String firstLine = UserText.plain(message.text()).strip().lines().findFirst().orElse("").strip();
        String title = firstLine.isEmpty() ? null : firstLine.length() > Declaration.MAX_TITLE_LENGTH
                ? firstLine.substring(0, Declaration.MAX_TITLE_LENGTH - 1) + "…" : firstLine;
        String summary = message.text().length() > MAX_SUMMARY ? message.text().substring(0, MAX_SUMMARY)
                : message.text();
        return form(QuotedMessageMetadata.write(message), title, summary.isBlank() ? null : summary);
    }

    /** The form; {@code originChannel} rides along so replies can reach the channel it was opened from. */
    public View form(String originChannel) {
        return form(originChannel, null, null);
    }

    private View form(String metadata, String title, String summary) {
        List<OptionObject> severities = Arrays.stream(Severity.values())
                .map(s -> option(plainText(s.label() + " — " + s.meaning()), s.name()))
                .toList();
        OptionObject defaultSeverity = severities.get(Severity.SEV3.ordinal());
        OptionObject privateOption = option(plainText("Private: only invited people can see the channel"), "private");
        OptionObject practiceOption = option(plainText("Practice: a drill in a drill- channel; nobody is paged"),
                PRACTICE);
        return view(v -> v.type("modal").callbackId(CALLBACK_ID).privateMetadata(metadata)
                .title(viewTitle(t -> t.type("plain_text").text("Declare an incident")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Declare")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        input(i -> i.blockId(TITLE).label(plainText("Title"))
                                .element(plainTextInput(e -> e.actionId(VALUE).maxLength(Declaration.MAX_TITLE_LENGTH)
                                        .initialValue(title)
                                        .placeholder(plainText("What is broken, as users see it"))))),
                        input(i -> i.blockId(SEVERITY).label(plainText("Severity"))
                                .element(staticSelect(e -> e.actionId(VALUE).options(severities)
                                        .initialOption(defaultSeverity)))),
                        input(i -> i.blockId(SUMMARY).label(plainText("Summary")).optional(true)
                                .element(plainTextInput(e -> e.actionId(VALUE).multiline(true)
                                        .initialValue(summary)))),
                        input(i -> i.blockId(PRIVACY).label(plainText("Visibility")).optional(true)
                                .element(checkboxes(e -> e.actionId(VALUE).options(List.of(privateOption))))),
                        input(i -> i.blockId(PRACTICE).label(plainText("Practice")).optional(true)
                                .element(checkboxes(e -> e.actionId(VALUE).options(List.of(practiceOption))))))));
    }

    @Override
    public Response apply(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = request.getPayload();
        if (payload.getUser() == null || payload.getView() == null || payload.getView().getState() == null
                || payload.getView().getState().getValues() == null) {
            return Response.json(400, Map.of("error", "malformed form submission: user and view state are required"));
        }
        Map<String, Map<String, ViewState.Value>> values = payload.getView().getState().getValues();
        String title = value(values, TITLE).map(ViewState.Value::getValue).orElse("");
        if (title.isBlank()) {
            return ctx.ackWithErrors(Map.of(TITLE, "Give the incident a title."));
        }
        Optional<Severity> severity = value(values, SEVERITY).map(ViewState.Value::getSelectedOption)
                .flatMap(o -> Severity.parse(o.getValue()));
        if (severity.isEmpty()) {
            return ctx.ackWithErrors(Map.of(SEVERITY, "Pick a severity."));
        }
        String summary = value(values, SUMMARY).map(ViewState.Value::getValue).orElse(null);
        boolean isPrivate = checked(values, PRIVACY, "private");
        boolean isPractice = checked(values, PRACTICE, PRACTICE);
        String user = payload.getUser().getId();
        Optional<QuotedMessage> quoted = QuotedMessageMetadata.read(payload.getView().getPrivateMetadata());
        String originChannel = quoted.map(QuotedMessage::channel)
                .orElseGet(() -> blankToNull(payload.getView().getPrivateMetadata()));
        Declaration declaration;
        try {
            declaration = new Declaration(title, summary, severity.get(), isPrivate, isPractice, user,
                    "view:" + payload.getView().getId(), originChannel);
        } catch (RuntimeException e) {
            return ctx.ackWithErrors(Map.of(TITLE, UserFacingErrors.explain(ctx, e, "declaring the incident")));
        }
        // the form is already closed when a late refusal comes: it reaches the declarer by direct message
        Optional<String> refusal = ackWindow.answer(() -> declare(declaration, quoted, ctx), Optional.empty(),
                late -> late.ifPresent(reason -> slack.postMessage(user, "The incident *" + UserText.inert(title)
                        + "* from the declare form was not declared. " + reason, null)));
        return refusal.map(reason -> ctx.ackWithErrors(Map.of(TITLE, reason))).orElseGet(ctx::ack);
    }

    /** Declares, and says why not when it could not: never throws. */
    private Optional<String> declare(Declaration declaration, Optional<QuotedMessage> quoted,
                                     ViewSubmissionContext ctx) {
        try {
            Declared declared = quoted.isPresent() ? fromMessages.declare(declaration, quoted.get())
                    : incidents.declare(declaration);
            if (declared.isNew()) {
                String user = declaration.declaredBy();
                replies.whenReady(declared.incident().id(), text -> slack.postMessage(user, text, null));
                premortemLinks.offer(declared.incident().id(), declared.incident().title(), user);
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(UserFacingErrors.explain(ctx, e, "declaring the incident"));
        }
    }

    private static Optional<ViewState.Value> value(Map<String, Map<String, ViewState.Value>> values, String block) {
        return Optional.ofNullable(values.get(block)).map(actions -> actions.get(VALUE));
    }

    private static boolean checked(Map<String, Map<String, ViewState.Value>> values, String block, String option) {
        return value(values, block).map(ViewState.Value::getSelectedOptions)
                .map(options -> options.stream().anyMatch(o -> option.equals(o.getValue()))).orElse(false);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
