/**
 * The crisis check after every new message (protocol.md "WebSocket", the
 * `safety` frame; product.md "Safety that fits the values"). When the detector
 * finds crisis language or concern, the author alone is offered the lines for
 * their region and everywhere, a supporter now, or to dismiss. Nobody else is
 * told, nobody is contacted, and nothing about it is stored except one more in
 * the day's count. It runs synchronously after the commit (the lines come from
 * memory, the region from the send's own policy query), so the notice follows
 * the ack with nothing in between.
 */
import type { SenderNotice } from "../../protocol/ws/server-frames.js";
import type { AfterSendHook } from "../conversations/messages.js";
import { detectCrisis } from "./crisis/index.js";
import type { ResourceList } from "./resource-list.js";

/** The resources offered: lines to talk to now, not directories, first. */
const order: Record<string, number> = { "crisis-line": 0, warmline: 1, "peer-support": 2, directory: 3 };

export function crisisCheck(resources: ResourceList, count: { add(now?: number): void }, detect = detectCrisis): AfterSendHook {
  return ({ region, conversationId, body }): SenderNotice | null => {
    if (detect(body).level === "none") return null;
    count.add();
    const offered = [...resources.forRegion(region)].sort((a, b) => (order[a.kind] ?? 9) - (order[b.kind] ?? 9));
    return { conversationId, kind: "crisis-support", resources: offered, actions: ["talk-to-supporter", "dismiss"] };
  };
}
