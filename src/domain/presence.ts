/**
 * Who is online, on any node. The domain asks (matching offers only members
 * with an open socket); the bus answers, in-process or through Redis.
 */
export interface PresenceRegistry {
  /** Marks these members online on this node (called on connect and every half heartbeat). */
  refresh(userIds: string[]): Promise<void>;
  /** This member's last socket on this node closed. */
  gone(userId: string): Promise<void>;
  /** Which of these members have a live socket on any node. */
  onlineAmong(userIds: string[]): Promise<Set<string>>;
}
