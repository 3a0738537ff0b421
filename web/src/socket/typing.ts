/**
 * Who is typing where (from `typing` frames, each valid for its `expiresInMs`), and when this
 * member may next say they are typing: at most every 3 s per conversation, as protocol.md asks;
 * the server ignores more.
 */

export const typingEveryMs = 3000;

export class TypingTracker {
  private readonly others = new Map<string, Map<string, number>>();
  private readonly lastSent = new Map<string, number>();

  /** A `typing` frame; `expiresInMs: 0` means they stopped. Returns the time it lapses, if any. */
  heard(conversationId: string, userId: string, expiresInMs: number, now = Date.now()): number | undefined {
    let typists = this.others.get(conversationId);
    if (!typists) {
      typists = new Map();
      this.others.set(conversationId, typists);
    }
    if (expiresInMs <= 0) {
      typists.delete(userId);
      return undefined;
    }
    typists.set(userId, now + expiresInMs);
    return now + expiresInMs;
  }

  /** A message from them means they have stopped typing it. */
  stopped(conversationId: string, userId: string): void {
    this.others.get(conversationId)?.delete(userId);
  }

  /** Members typing in a conversation now, in the order they started. */
  typingIn(conversationId: string, now = Date.now()): string[] {
    const typists = this.others.get(conversationId);
    if (!typists) return [];
    return [...typists].filter(([, until]) => until > now).map(([userId]) => userId);
  }

  /** Whether to send `typing` now; remembers it when so. */
  shouldSend(conversationId: string, now = Date.now()): boolean {
    const last = this.lastSent.get(conversationId);
    if (last !== undefined && now - last < typingEveryMs) return false;
    this.lastSent.set(conversationId, now);
    return true;
  }

  clear(): void {
    this.others.clear();
    this.lastSent.clear();
  }
}
