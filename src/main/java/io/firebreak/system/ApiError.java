package io.firebreak.system;

/** The body of every 4xx from Firebreak's API: what went wrong, and what to fix. */
public record ApiError(String error, String detail) {
}
