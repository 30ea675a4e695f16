package dev.supportchat.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.supportchat.error.AppException;
import java.io.IOException;

/**
 * A REST request body or a Socket.IO event payload read as a JSON object, with typed accessors that
 * refuse wrong types with {@code invalid} (a 400, or an error ack) naming the field. Types are not
 * validation: services still check values.
 */
public final class JsonBody {
  private final JsonNode root;

  private JsonBody(JsonNode root) {
    this.root = root;
  }

  /** Parses a body; an empty body counts as {@code {}}. Malformed JSON or a non-object is a 400. */
  public static JsonBody parse(byte[] bytes) {
    if (bytes.length == 0) {
      return new JsonBody(Json.MAPPER.createObjectNode());
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      throw AppException.invalid(null, "The request body is not valid JSON.");
    } catch (IOException e) {
      throw AppException.invalid(null, "The request body could not be read.");
    }
    if (node == null || node instanceof NullNode) {
      return new JsonBody(Json.MAPPER.createObjectNode());
    }
    if (!node.isObject()) {
      throw AppException.invalid(null, "The request body must be a JSON object.");
    }
    return new JsonBody(node);
  }

  public static JsonBody wrap(JsonNode node) {
    return new JsonBody(node);
  }

  /**
   * A string field, or null when absent or null; any other type, or text that cannot be stored, is
   * a 400.
   */
  public String string(String field) {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw AppException.invalid(field, field + " must be a string.");
    }
    return TextInput.checked(field, v.textValue());
  }

  public String requiredString(String field) {
    String v = string(field);
    if (v == null) {
      throw AppException.invalid(field, field + " is required.");
    }
    return v;
  }

  public Boolean bool(String field) {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isBoolean()) {
      throw AppException.invalid(field, field + " must be true or false.");
    }
    return v.booleanValue();
  }

  /** A whole number that fits an int, or null when absent or null; anything else is a 400. */
  public Integer integer(String field) {
    JsonNode v = node(field);
    if (v == null) {
      return null;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw AppException.invalid(field, field + " must be a whole number.");
    }
    return v.intValue();
  }

  public JsonNode node(String field) {
    JsonNode v = root.get(field);
    return v == null || v.isNull() ? null : v;
  }

  public JsonNode root() {
    return root;
  }
}
