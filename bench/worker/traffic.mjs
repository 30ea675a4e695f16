// What one worker measures about its conversations: sends, acks, and receipts on the other side. Both sides of a
// conversation live in the same worker process, so the send time written into the message content and the receipt
// time come from the same monotonic clock.
import { performance } from "node:perf_hooks";
import { Histogram } from "../lib/histogram.mjs";

/** The phases of a run: only what is sent (latencies) or acknowledged (throughput) while measuring counts. */
export const Phase = { WARMUP: "warmup", MEASURE: "measure", DRAIN: "drain" };

/** One direction of a conversation: a sender (user or admin side) and the receiver on the other side. */
class Direction {
  constructor() {
    this.nextSeq = 0;
    this.firstMeasuredSeq = Infinity;
    this.lastMeasuredSeq = Infinity;
    this.lastReceivedSeq = -1;
    this.inFlight = 0;
  }
}

export class Traffic {
  constructor(padding) {
    this.phase = Phase.WARMUP;
    this.padding = "x".repeat(padding);
    this.directions = new Map();
    this.ack = new Histogram();
    this.endToEnd = new Histogram();
    // by direction too: a slow side (e.g. admin sockets, which also get every notification) shows up on its own
    this.toAdmin = new Histogram();
    this.toUser = new Histogram();
    this.counts = {
      ackedTotal: 0,
      sentMeasured: 0,
      ackedInWindow: 0,
      receivedMeasured: 0,
      outOfOrder: 0,
      failed: 0,
      notifications: 0,
    };
    this.errors = {};
  }

  direction(chatId, fromAdmin) {
    const key = `${chatId}:${fromAdmin ? "a" : "u"}`;
    let d = this.directions.get(key);
    if (!d) this.directions.set(key, (d = new Direction()));
    return d;
  }

  setPhase(phase) {
    for (const d of this.directions.values()) {
      if (phase === Phase.MEASURE) d.firstMeasuredSeq = d.nextSeq;
      if (phase === Phase.DRAIN) d.lastMeasuredSeq = d.nextSeq - 1;
    }
    this.phase = phase;
  }

  /** Sends the next message of `chatId` from one side; `onAcked` runs after the server's ack (closed loop). */
  send(socket, chatId, fromAdmin, onAcked) {
    const d = this.direction(chatId, fromAdmin);
    const seq = d.nextSeq++;
    const measured = this.phase === Phase.MEASURE;
    if (measured) this.counts.sentMeasured += 1;
    const sentAt = performance.now();
    d.inFlight += 1;
    // The content carries what the receiver needs: the sequence number (order) and the send time (latency).
    const content = `${seq} ${sentAt.toFixed(3)} ${this.padding}`;
    socket.emit(
      "send_support_message",
      { chatId, content, clientMessageId: `${fromAdmin ? "a" : "u"}${seq}` },
      (res) => {
        d.inFlight -= 1;
        if (res?.ok) {
          this.counts.ackedTotal += 1;
          if (measured) this.ack.record(performance.now() - sentAt);
          if (this.phase === Phase.MEASURE) this.counts.ackedInWindow += 1;
        } else {
          this.counts.failed += 1;
          const code = res?.error?.code ?? "no-answer";
          this.errors[code] = (this.errors[code] ?? 0) + 1;
        }
        onAcked?.();
      },
    );
  }

  /** A `new_support_message` seen by a socket of side `receiverIsAdmin`; the sender's own echoes are skipped. */
  received(message, receiverIsAdmin) {
    const fromAdmin = message.sender?.isAdmin === true;
    if (fromAdmin === receiverIsAdmin) return;
    const d = this.directions.get(`${message.chat}:${fromAdmin ? "a" : "u"}`);
    if (!d) return;
    const now = performance.now();
    const space = message.content.indexOf(" ");
    const seq = Number(message.content.slice(0, space));
    const sentAt = Number(message.content.slice(space + 1, message.content.indexOf(" ", space + 1)));
    if (seq !== d.lastReceivedSeq + 1) this.counts.outOfOrder += 1;
    d.lastReceivedSeq = Math.max(d.lastReceivedSeq, seq);
    if (seq >= d.firstMeasuredSeq && seq <= d.lastMeasuredSeq) {
      this.counts.receivedMeasured += 1;
      this.endToEnd.record(now - sentAt);
      (receiverIsAdmin ? this.toAdmin : this.toUser).record(now - sentAt);
    }
  }

  inFlight() {
    let n = 0;
    for (const d of this.directions.values()) n += d.inFlight;
    return n;
  }

  result() {
    return {
      counts: { ...this.counts, unacked: this.inFlight() },
      errors: this.errors,
      ack: this.ack.toJSON(),
      endToEnd: this.endToEnd.toJSON(),
      toAdmin: this.toAdmin.toJSON(),
      toUser: this.toUser.toJSON(),
    };
  }
}
