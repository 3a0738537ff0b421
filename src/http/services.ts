/** What the HTTP routes need, built once per server. */
import type { Config } from "../config.js";
import type { Accounts } from "../domain/accounts/accounts.js";
import type { Agreement } from "../domain/community/agreement.js";
import type { Conversations } from "../domain/conversations/conversations.js";
import type { Messages } from "../domain/conversations/messages.js";
import type { Blocks } from "../domain/safety/blocks.js";
import type { Experiences } from "../domain/experiences/experiences.js";
import type { Resource } from "../domain/safety/resources.js";
import type { Matching } from "../domain/matching/matching.js";
import type { Rooms } from "../domain/rooms/rooms.js";
import type { RateLimits } from "../domain/limits/rate-limits.js";

export interface Services {
  config: Config;
  /** Tries to match waiting requests with a member who just became free to listen (errors are logged). */
  listenerFreed: (userId: string) => void;
  accounts: Accounts;
  conversations: Conversations;
  messages: Messages;
  blocks: Blocks;
  experiences: Experiences;
  matching: Matching;
  rooms: Rooms;
  limits: RateLimits;
  agreement: Agreement;
  resources: Resource[];
}
