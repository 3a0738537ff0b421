/**
 * This tab's private memory: drafts and unsent messages kept in sessionStorage, so a reload
 * loses nothing while closing the tab (or signing out) forgets it. Never localStorage: what a
 * member writes must not outlive the tab on a shared device. Every key starts with "kindred.",
 * which is how sign-out finds them all.
 */

/** The part of the Web Storage API used here; tests pass a Map-backed one. */
export interface KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const prefix = "kindred.";

function browserStorage(): KeyValueStorage | undefined {
  try {
    return typeof sessionStorage === "undefined" ? undefined : sessionStorage;
  } catch {
    // Storage can be switched off; the app then works without surviving a reload.
    return undefined;
  }
}

export class TabStorage {
  constructor(private readonly storage: KeyValueStorage | undefined = browserStorage()) {}

  read<T>(name: string): T | undefined {
    try {
      const raw = this.storage?.getItem(prefix + name);
      return raw == null ? undefined : (JSON.parse(raw) as T);
    } catch {
      return undefined;
    }
  }

  write(name: string, value: unknown): void {
    try {
      this.storage?.setItem(prefix + name, JSON.stringify(value));
    } catch {
      // Full or refused: the value still lives in memory until the page is reloaded.
    }
  }

  remove(name: string): void {
    try {
      this.storage?.removeItem(prefix + name);
    } catch {
      // Nothing to do: it cannot be read back either.
    }
  }

  /**
   * Sign-out: every draft, unsent message and other kept value of this tab is gone, except the
   * values named in `keep` (names without the "kindred." prefix).
   */
  forgetAll(keep: readonly string[] = []): void {
    const storage = this.storage;
    if (!storage) return;
    const kept = new Set(keep.map((name) => prefix + name));
    try {
      const keys: string[] = [];
      for (let i = 0; i < storage.length; i += 1) {
        const key = storage.key(i);
        if (key?.startsWith(prefix) && !kept.has(key)) keys.push(key);
      }
      for (const key of keys) storage.removeItem(key);
    } catch {
      // Storage refused: there is nothing in it to forget.
    }
  }
}

/** A Map-backed storage, for tests and for a page where sessionStorage is unavailable. */
export class MemoryStorage implements KeyValueStorage {
  private readonly map = new Map<string, string>();
  get length(): number {
    return this.map.size;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}

/** The tab's storage, shared by the socket store and the drafts. */
export const tabStorage = new TabStorage();
