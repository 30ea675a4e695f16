package dev.supportchat.user;

import java.time.Instant;

/**
 * Where and how a person last chatted, as their widget reported it (the browser from its
 * User-Agent): shown to agents beside the conversation. Any field may be null.
 */
public record UserContext(
    String pageUrl,
    String pageTitle,
    String browser,
    String language,
    String timeZone,
    Instant updatedAt) {}
