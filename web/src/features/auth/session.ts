/**
 * Who is signed in, from GET /api/v1/me, cached by TanStack Query under ["me"].
 * A 401 means "signed out" (null), not an error.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { ApiError } from "../../api/errors";
import type { User } from "../../api/types";

export const meKey = ["me"] as const;

export async function fetchMe(): Promise<User | null> {
  try {
    return (await api.me()).user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000, retry: 1 });
}

/**
 * After sign-in, sign-up, recovery or a profile change: the answer already holds the new user.
 * With null (signed out, account deleted) every other cached answer is forgotten too, while
 * "me" itself is set rather than removed, so every screen that shows it (the navigation
 * included) hears the change; a removed query would leave them holding the old member.
 */
export function useSetMe(): (user: User | null) => void {
  const client = useQueryClient();
  return (user) => {
    if (user === null) {
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
      client.getMutationCache().clear();
    }
    client.setQueryData(meKey, user);
  };
}
