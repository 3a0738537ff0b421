/** Every route of the public API, grouped as docs/api.md presents them. */
import { accountRoutes } from "./accounts.js";
import { communityRoutes } from "./community.js";
import { conversationRoutes } from "./conversations.js";
import { experienceRoutes } from "./experiences.js";
import { matchingRoutes } from "./matching.js";
import { privacyRoutes } from "./privacy.js";
import { roomRoutes } from "./rooms.js";
import type { RouteDef } from "./route.js";
import { safetyRoutes } from "./safety.js";
import { supportRoutes } from "./support.js";

export const routeGroups: Record<string, Record<string, RouteDef>> = {
  accounts: accountRoutes,
  privacy: privacyRoutes,
  experiences: experienceRoutes,
  matching: matchingRoutes,
  conversations: conversationRoutes,
  rooms: roomRoutes,
  safety: safetyRoutes,
  support: supportRoutes,
  community: communityRoutes,
};

export const allRoutes: readonly RouteDef[] = Object.values(routeGroups).flatMap((group) => Object.values(group));
