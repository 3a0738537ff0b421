/** What the HTTP routes need, built once per server. */
import type { Config } from "../config.js";
import type { Accounts } from "../domain/accounts/accounts.js";
import type { Agreement } from "../domain/community/agreement.js";
import type { Conversations } from "../domain/conversations/conversations.js";
import type { Messages } from "../domain/conversations/messages.js";
import type { Blocks } from "../domain/safety/blocks.js";
import type { Experiences } from "../domain/experiences/experiences.js";
import type { ResourceList } from "../domain/safety/resource-list.js";
import type { Guides } from "../domain/safety/guide.js";
import type { Shifts } from "../domain/support/shifts.js";
import type { SupportRequests } from "../domain/support/support-requests.js";
import type { Handoffs } from "../domain/support/handoffs.js";
import type { AccountDeletion } from "../domain/privacy/account-deletion.js";
import type { MyData } from "../domain/privacy/my-data.js";
import type { Retention } from "../domain/privacy/retention.js";
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
  /** Crisis lines and warmlines, as this node last read them. */
  resources: ResourceList;
  guides: Guides;
  shifts: Shifts;
  support: SupportRequests;
  handoffs: Handoffs;
  myData: MyData;
  accountDeletion: AccountDeletion;
  retention: Retention;
}
