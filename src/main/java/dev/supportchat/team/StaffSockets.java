package dev.supportchat.team;

import java.util.Set;

/** What this node's realtime layer knows about staff sockets, as the team feature needs it. */
public interface StaffSockets {
  /** Staff members with at least one socket on this node. */
  Set<String> connectedHere();

  /** Closes this node's sockets of the user. */
  void disconnect(String userId);
}
