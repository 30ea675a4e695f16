// One official socket.io-client socket, driven line by line over stdin, for the session tests
// (SessionEndIT): it reports what happens to it as JSON lines.
//   node session-client.mjs <baseUrl> <token>
// Prints {"connected":true} or {"connectError":"<message>"} (and exits), then {"disconnected":"<reason>"} when the
// server drops it. Commands, one JSON object a line: {"emit":"<event>","payload":{…}} answers {"ack":…};
// {"state":true} answers {"connected":<bool>}. When stdin closes it prints {"final":true,"connected":<bool>}.
import { io } from "socket.io-client";
import readline from "node:readline";

const [, , base, token] = process.argv;
const say = (o) => console.log(JSON.stringify(o));
const socket = io(base, { auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true });
socket.once("connect_error", (e) => {
  say({ connectError: e.message });
  process.exit(0);
});
socket.once("connect", () => {
  say({ connected: true });
  socket.on("disconnect", (reason) => say({ disconnected: reason, at: Date.now() }));
  const lines = readline.createInterface({ input: process.stdin });
  lines.on("line", async (line) => {
    const command = JSON.parse(line);
    if (command.emit) {
      try {
        say({ ack: await socket.timeout(3000).emitWithAck(command.emit, command.payload) });
      } catch (e) {
        say({ ack: null, error: String(e.message || e) });
      }
    } else if (command.state) {
      say({ connected: socket.connected });
    }
  });
  lines.on("close", () => {
    say({ final: true, connected: socket.connected });
    socket.close();
    process.exit(0);
  });
});
