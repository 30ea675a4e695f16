// Dashboards of several staff members: one socket per token, kept open until stdin closes. Prints one line once all
// are connected ({"connected": n}), a line per event it watches as it arrives, and a summary line at the end.
//
//   node staff-sockets.mjs <url> <token>...
import { io } from "socket.io-client";

const [, , url, ...tokens] = process.argv;
const WATCHED = [
  "support_chat_assigned",
  "team_agent_updated",
  "admin_presence",
  "saved_replies_changed",
  "labels_changed",
  "chat_labels_updated",
];
const events = [];
const print = (o) => process.stdout.write(JSON.stringify(o) + "\n");

const sockets = await Promise.all(
  tokens.map(
    (token, index) =>
      new Promise((resolve) => {
        const socket = io(url, { auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true });
        socket.once("connect", () => resolve(socket));
        socket.once("connect_error", (e) => {
          print({ socket: index, event: "connect_error", payload: e.message });
          resolve(socket);
        });
        for (const event of WATCHED) {
          socket.on(event, (payload) => {
            const line = { socket: index, event, payload };
            events.push(line);
            print(line);
          });
        }
        socket.on("disconnect", (reason) => {
          const line = { socket: index, event: "disconnect", payload: reason };
          events.push(line);
          print(line);
        });
      }),
  ),
);
print({ connected: sockets.filter((s) => s.connected).length });
process.stdin.resume();
process.stdin.on("end", () => {
  sockets.forEach((s) => s.close());
  print({ events });
  process.exit(0);
});
