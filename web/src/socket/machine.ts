/**
 * The connection's state machine. Only the moves listed here are possible; anything else is a
 * bug and throws, so a stray callback (a late `close` after sign-out, a second `hello`) cannot
 * leave the client believing it is online when it is not.
 *
 *   idle ──start──▶ connecting ──hello──▶ resuming ──synced──▶ open
 *                      ▲   │                  │                 │
 *                  retry   └──────── drop ────┴───────┬─────────┘
 *                      │                              ▼
 *                      └────────────────────────── offline
 *   any ──stop──▶ idle
 */

export type ConnectionState = "idle" | "connecting" | "resuming" | "open" | "offline";
export type ConnectionEvent = "start" | "hello" | "synced" | "drop" | "retry" | "stop";

const moves: Record<ConnectionState, Partial<Record<ConnectionEvent, ConnectionState>>> = {
  idle: { start: "connecting", stop: "idle" },
  connecting: { hello: "resuming", drop: "offline", stop: "idle" },
  resuming: { synced: "open", drop: "offline", stop: "idle" },
  open: { drop: "offline", stop: "idle" },
  offline: { retry: "connecting", drop: "offline", stop: "idle" },
};

export class ImpossibleTransition extends Error {
  constructor(from: ConnectionState, event: ConnectionEvent) {
    super(`socket: "${event}" cannot happen while ${from}`);
    this.name = "ImpossibleTransition";
  }
}

export function nextState(from: ConnectionState, event: ConnectionEvent): ConnectionState {
  const to = moves[from][event];
  if (to === undefined) throw new ImpossibleTransition(from, event);
  return to;
}

/** Reconnect delay: exponential from 500 ms up to 30 s, with "full jitter" so clients spread out. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, 500 * 2 ** Math.min(attempt, 10));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
