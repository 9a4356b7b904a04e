package dev.mayday.pagerduty;

import dev.mayday.outbox.DeliveryError;

import java.util.OptionalInt;

/**
 * A PagerDuty REST call that did not succeed. {@code status} is the HTTP status, or 0 when no answer arrived (timeout,
 * refused or broken connection); {@code errorCode} is PagerDuty's own code from the error body ({@code 2001}, …) when
 * there was one. {@code detail} is a short snippet of the answer or the I/O problem: never the token or the request.
 */
public final class PagerDutyCallFailed extends RuntimeException implements DeliveryError {

    private final String method;
    private final String path;
    private final int status;
    private final Integer errorCode;
    private final String detail;

    public PagerDutyCallFailed(String method, String path, int status, Integer errorCode, String detail, Throwable cause) {
        super("PagerDuty " + method + " " + path + " failed: "
                + (status == 0 ? detail + " (no answer)" : ("HTTP " + status + " " + detail).strip()), cause);
        this.method = method;
        this.path = path;
        this.status = status;
        this.errorCode = errorCode;
        this.detail = detail;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public int status() {
        return status;
    }

    public OptionalInt errorCode() {
        return errorCode == null ? OptionalInt.empty() : OptionalInt.of(errorCode);
    }

    public String detail() {
        return detail;
    }

    /** Worth trying again later: no answer, rate-limited, a timeout or PagerDuty's own failure. */
    /** For the outbox: the HTTP status, or that PagerDuty did not answer. */
    @Override
    public String reason() {
        return status() == 0 ? "pagerduty_no_answer" : "pagerduty_http_" + status();
    }

    @Override
    public boolean isTransient() {
        return status == 0 || status == 408 || status == 429 || status >= 500;
    }
}
