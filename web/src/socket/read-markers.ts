/**
 * How far each member has read in each conversation, from `read` frames (they only move
 * forward), and how far this member has told the server it read (so it is said once per seq).
 */

export class ReadMarkers {
  private readonly others = new Map<string, Map<string, number>>();
  private readonly mine = new Map<string, number>();

  heard(conversationId: string, userId: string, seq: number): void {
    let readers = this.others.get(conversationId);
    if (!readers) {
      readers = new Map();
      this.others.set(conversationId, readers);
    }
    readers.set(userId, Math.max(readers.get(userId) ?? 0, seq));
  }

  /** The furthest seq another member is known to have read here (0 when unknown). */
  readBy(conversationId: string, userId: string): number {
    return this.others.get(conversationId)?.get(userId) ?? 0;
  }

  /** Whether to send `read` for this seq: only when it moves this member's marker forward. */
  shouldSend(conversationId: string, seq: number): boolean {
    if (seq <= (this.mine.get(conversationId) ?? 0)) return false;
    this.mine.set(conversationId, seq);
    return true;
  }

  clear(): void {
    this.others.clear();
    this.mine.clear();
  }
}
