package dev.supportchat.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.socket.socketio.server.parser.IOParser;
import io.socket.socketio.server.parser.Packet;
import io.socket.socketio.server.parser.Parser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.junit.jupiter.api.Test;

/**
 * RoomEmitter encodes an event once itself: it must be the packet the library's own encoder would
 * send.
 */
class RoomEmitterEncodingTest {

  @Test
  void encodesEventsAsTheLibraryDoes() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("content", "naïve \"quotes\" </script> \u2028 😀");
    payload.put("count", 3);
    payload.put("flag", true);
    payload.put("missing", null);
    payload.put("list", List.of("a", Map.of("b", 1.5)));
    for (String namespace : List.of("/", "/admin")) {
      String ours = MessagePacket.event(namespace, "new_support_message", payload).socketIoText();
      String theirs =
          libraryEncoding(
              namespace, new JSONArray().put("new_support_message").put(OrgJson.from(payload)));
      String prefix = "/".equals(namespace) ? "2" : "2" + namespace + ",";
      assertThat(ours).startsWith(prefix);
      assertThat(theirs).startsWith(prefix);
      assertThat(
              new JSONArray(ours.substring(prefix.length()))
                  .similar(new JSONArray(theirs.substring(prefix.length()))))
          .as(ours + " vs " + theirs)
          .isTrue();
    }
  }

  private static String libraryEncoding(String namespace, JSONArray data) {
    Packet<JSONArray> packet = new Packet<>(Parser.EVENT, data);
    packet.nsp = namespace;
    packet.id = -1;
    List<Object> out = new ArrayList<>();
    new IOParser.Encoder().encode(packet, items -> out.addAll(Arrays.asList(items)));
    return (String) out.get(0);
  }
}
