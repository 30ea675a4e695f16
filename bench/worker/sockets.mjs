// Connecting the official socket.io-client the way a browser client of the seed does: the access token in
// `auth.token`. Websocket only: the web app upgrades to it at once, and long-polling would only measure HTTP
// round trips (and need sticky sessions with two nodes).
import { io } from "socket.io-client";

const CONNECT_TIMEOUT_MS = 60_000;
export const ACK_TIMEOUT_MS = 30_000;

export function connect(url, token) {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      auth: { token },
      transports: ["websocket"],
      reconnection: false,
      // one engine.io connection per socket, as separate browser tabs would have
      forceNew: true,
      timeout: CONNECT_TIMEOUT_MS,
    });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (e) => {
      socket.close();
      reject(e);
    });
  });
}

/** Emits with an acknowledgement; resolves with the server's `{ok, data | error}` answer. */
export async function request(socket, event, payload) {
  const answer = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload);
  if (!answer?.ok) throw new Error(`${event}: ${JSON.stringify(answer?.error ?? answer)}`);
  return answer.data;
}
