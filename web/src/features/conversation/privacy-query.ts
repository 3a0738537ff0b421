/** The TanStack Query key of a conversation's privacy (who can read it, how long words are kept). */
export const privacyKey = (conversationId: string) => ["privacy", conversationId];
