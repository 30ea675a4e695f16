package dev.supportchat.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one JSON mapper of the server: records by their components, no dates as numbers, strict
 * nesting limits.
 */
public final class Json {
  /**
   * Deeper bodies are refused rather than parsed: no endpoint needs more, and deep nesting is an
   * attack.
   */
  private static final int MAX_NESTING_DEPTH = 32;

  public static final ObjectMapper MAPPER = create();

  private Json() {}

  private static ObjectMapper create() {
    ObjectMapper m = new ObjectMapper();
    m.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());
    m.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    m.configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
    m.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.NONE);
    return m;
  }
}
