package dev.supportchat.config;

import java.util.List;

/** The configuration cannot be used; the message lists every problem found, one sentence each. */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(List<String> problems) {
    super(String.join(" ", problems));
  }

  public ConfigException(String problem) {
    super(problem);
  }
}
