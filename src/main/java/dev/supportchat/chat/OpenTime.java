package dev.supportchat.chat;

import java.time.Duration;
import java.time.Instant;

/** How much of a span of time counts for the statistics (business hours only, when set). */
@FunctionalInterface
public interface OpenTime {
  Duration between(Instant from, Instant to);
}
