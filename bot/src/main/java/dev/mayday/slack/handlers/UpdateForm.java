package dev.mayday.slack.handlers;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.mayday.incident.IncidentService;
import dev.mayday.slack.requests.UserFacingErrors;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The small form a reminder's "Post an update" opens, and its submission: the update goes through the same path as
 * {@code /incident update} (the incident's channel rides along in the view's private metadata).
 */
public final class UpdateForm implements ViewSubmissionHandler {

    public static final String CALLBACK_ID = "post_update";
    static final String UPDATE = "update";
    private static final String VALUE = "value";
    private static final int MAX_LENGTH = 3000;

    private final IncidentService incidents;

    public UpdateForm(IncidentService incidents) {
        this.incidents = incidents;
    }

    public View form(String incidentChannel) {
        return view(v -> v.type("modal").callbackId(CALLBACK_ID).privateMetadata(incidentChannel)
                .title(viewTitle(t -> t.type("plain_text").text("Post an update")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Post")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(input(i -> i.blockId(UPDATE).label(plainText("Where do things stand?"))
                        .element(plainTextInput(e -> e.actionId(VALUE).multiline(true).maxLength(MAX_LENGTH)
                                .placeholder(plainText("What we know, what we are doing, when we post next"))))))));
    }

    @Override
    public Response apply(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = request.getPayload();
        if (payload.getUser() == null || payload.getView() == null || payload.getView().getState() == null
                || payload.getView().getState().getValues() == null || payload.getView().getPrivateMetadata() == null) {
            return Response.json(400, Map.of("error",
                    "malformed update form: user, view state and channel are required"));
        }
        String text = Optional.ofNullable(payload.getView().getState().getValues().get(UPDATE))
                .map(actions -> actions.get(VALUE)).map(ViewState.Value::getValue).orElse("");
        if (text.isBlank()) {
            return ctx.ackWithErrors(Map.of(UPDATE, "Write the update first."));
        }
        try {
            incidents.postUpdate(payload.getView().getPrivateMetadata(), payload.getUser().getId(), text);
        } catch (RuntimeException e) {
            return ctx.ackWithErrors(Map.of(UPDATE, UserFacingErrors.explain(ctx, e, "posting the update")));
        }
        return ctx.ack();
    }
}
