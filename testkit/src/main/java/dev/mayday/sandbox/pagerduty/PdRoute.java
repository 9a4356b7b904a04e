package dev.mayday.sandbox.pagerduty;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PagerDuty REST endpoints the fake serves; scripted answers are queued per route. */
public enum PdRoute {
    GET_INCIDENT("GET", "/incidents/([^/]+)"),
    UPDATE_INCIDENT("PUT", "/incidents/([^/]+)"),
    CREATE_NOTE("POST", "/incidents/([^/]+)/notes"),
    LIST_NOTES("GET", "/incidents/([^/]+)/notes"),
    LIST_ONCALLS("GET", "/oncalls"),
    GET_USER("GET", "/users/([^/]+)"),
    CREATE_INCIDENT("POST", "/incidents"),
    LIST_INCIDENTS("GET", "/incidents"),
    LIST_USERS("GET", "/users"),
    LIST_SERVICES("GET", "/services"),
    LIST_PRIORITIES("GET", "/priorities"),
    /** Anything else; answered 404 and still recorded. */
    UNKNOWN(null, null);

    record Match(PdRoute route, String id) {}

    private final String method;
    private final Pattern path;

    PdRoute(String method, String path) {
        this.method = method;
        this.path = path == null ? null : Pattern.compile(path);
    }

    /** The route for a request and the id in its path (null for paths without one). */
    static Match match(String method, String decodedPath) {
        String path = decodedPath.length() > 1 && decodedPath.endsWith("/")
                ? decodedPath.substring(0, decodedPath.length() - 1) : decodedPath;
        for (PdRoute route : values()) {
            Optional<Matcher> m = route.matcher(method, path);
            if (m.isPresent()) {
                return new Match(route, m.get().groupCount() > 0 ? m.get().group(1) : null);
            }
        }
        return new Match(UNKNOWN, null);
    }

    private Optional<Matcher> matcher(String requestMethod, String requestPath) {
        if (this.path == null || !this.method.equals(requestMethod)) {
            return Optional.empty();
        }
        Matcher m = this.path.matcher(requestPath);
        return m.matches() ? Optional.of(m) : Optional.empty();
    }
}
