/**
 * What the matcher reports about each match: a log line with its kind and how long
 * the request waited, and the same wait in the `kindred_match_wait_seconds` histogram.
 * Nothing about who was matched, or on what, is logged.
 */
import { matched } from "./live-metrics.js";

export function matchLog(log: { info: (obj: object, msg: string) => void }): (kind: "one-to-one" | "group", waitedMs: number) => void {
  return (kind, waitedMs) => {
    matched(kind, waitedMs);
    log.info({ kind, waitedMs: Math.round(waitedMs) }, "match made");
  };
}
