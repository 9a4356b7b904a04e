package dev.mayday.sandbox.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mayday.sandbox.fake.TranscriptLine.Surface;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.mayday.sandbox.fake.FakeSlackState.BOT_USER_ID;
import static dev.mayday.sandbox.fake.RequestParams.isBlank;
import static dev.mayday.sandbox.fake.RequestParams.parseInt;

/** The fake's files.* methods: the two-step external upload, and deleting a file. */
final class FileMethods {

    private final FakeSlackState state;
    private final SlackJson json;
    private final Transcript transcript;
    private final String baseUrl;

    FileMethods(FakeSlackState state, SlackJson json, Transcript transcript, String baseUrl) {
        this.state = state;
        this.json = json;
        this.transcript = transcript;
        this.baseUrl = baseUrl;
    }

    ObjectNode filesGetUploadUrl(Map<String, String> p) {
        String filename = p.get("filename");
        if (isBlank(filename)) {
            throw new SlackError("invalid_arguments");
        }
        FakeSlackState.PendingFile file = state.newFile(filename, parseInt(p.get("length"), 0));
        return json.ok().put("upload_url", baseUrl + "/upload/" + file.id()).put("file_id", file.id());
    }

    ObjectNode filesDelete(Map<String, String> p) {
        String id = p.get("file");
        if (isBlank(id) || !state.deleteFile(id)) {
            throw new SlackError("file_not_found");
        }
        transcript.note(Surface.FILES, "", "[file deleted] " + id, "  [file deleted] " + id);
        return json.ok();
    }

    ObjectNode filesCompleteUpload(Map<String, String> p) {
        JsonNode requested = json.parse(p.get("files"));
        if (requested == null || !requested.isArray() || requested.isEmpty()) {
            throw new SlackError("invalid_arguments");
        }
        List<FakeSlackState.PendingFile> uploaded = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (JsonNode entry : requested) {
            FakeSlackState.PendingFile file = state.file(entry.path("id").asText(null))
                    .filter(FakeSlackState.PendingFile::uploaded)
                    .orElseThrow(() -> new SlackError("file_not_found"));
            uploaded.add(file);
            titles.add(entry.path("title").asText(file.filename()));
        }
        String channelParam = !isBlank(p.get("channel_id")) ? p.get("channel_id") : p.get("channels");
        String channel = isBlank(channelParam) ? null : state.resolveChannel(channelParam.strip());
        String comment = BlockKitText.clean(p.get("initial_comment"));

        ObjectNode result = json.ok();
        ArrayNode files = result.putArray("files");
        for (int i = 0; i < uploaded.size(); i++) {
            FakeSlackState.PendingFile file = uploaded.get(i);
            files.addObject().put("id", file.id()).put("name", file.filename()).put("title", titles.get(i))
                    .put("size", file.bytes().length).put("user", BOT_USER_ID);
            String upload = "[file uploaded] " + file.filename() + " (" + file.bytes().length + " bytes)";
            String said = comment.isEmpty() ? "" : ": " + comment;
            transcript.note(channel == null ? Surface.FILES : state.surfaceOf(channel),
                    channel == null ? "" : state.where(channel), upload + said,
                    "  " + upload + (channel == null ? "" : " to " + state.display(channel)) + said);
        }
        return result;
    }
}
