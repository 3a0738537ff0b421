/**
 * How the page scrolls around the message log (the page itself scrolls, not the log):
 * - scrolling up until the "Show earlier messages" button comes into view reads the page before
 *   (only on the member's own upward scroll, never by itself on opening or on a restored scroll
 *   position after a reload);
 * - older messages inserted above keep the member's place;
 * - a new message at the end keeps a member who was reading the end at the end, while one who
 *   scrolled up stays where they are.
 */
import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef } from "react";
import { socketStore } from "../../socket/store";

/** Within this many pixels of the bottom counts as reading the end. */
const nearEnd = 160;

export function useLogScrolling(opts: {
  conversationId: string;
  firstSeq: number | undefined;
  lastKey: string | undefined;
  hasOlder: boolean;
  olderButton: RefObject<HTMLElement | null>;
}): void {
  const { conversationId, firstSeq, lastKey, hasOlder, olderButton } = opts;
  const before = useRef({ firstSeq, height: 0, top: 0 });
  const atEnd = useRef(true);
  const buttonInView = useRef(false);
  const lastY = useRef(0);
  /** When the member last scrolled up: the button's coming into view is reported just after the scroll. */
  const scrolledUpAt = useRef(0);

  const loadOlder = useCallback(() => {
    const page = document.scrollingElement;
    before.current = { firstSeq: before.current.firstSeq, height: page?.scrollHeight ?? 0, top: page?.scrollTop ?? 0 };
    void socketStore.loadOlder(conversationId);
  }, [conversationId]);

  // Older history went in above: move down by exactly what was added.
  useLayoutEffect(() => {
    const page = document.scrollingElement;
    const previous = before.current;
    if (page && previous.firstSeq !== undefined && firstSeq !== undefined && firstSeq < previous.firstSeq) {
      page.scrollTop = previous.top + (page.scrollHeight - previous.height);
    }
    before.current = { firstSeq, height: page?.scrollHeight ?? 0, top: page?.scrollTop ?? 0 };
  });

  useLayoutEffect(() => {
    const page = document.scrollingElement;
    if (page && atEnd.current && lastKey !== undefined && window.scrollY > 0) page.scrollTop = page.scrollHeight;
  }, [lastKey]);

  useEffect(() => {
    lastY.current = window.scrollY;
    const scrolled = () => {
      const page = document.scrollingElement;
      if (!page) return;
      atEnd.current = page.scrollHeight - page.scrollTop - page.clientHeight < nearEnd;
      const up = window.scrollY < lastY.current;
      lastY.current = window.scrollY;
      if (!up) return;
      scrolledUpAt.current = Date.now();
      if (buttonInView.current) loadOlder();
    };
    window.addEventListener("scroll", scrolled, { passive: true });
    return () => window.removeEventListener("scroll", scrolled);
  }, [loadOlder]);

  useEffect(() => {
    const target = olderButton.current;
    buttonInView.current = false;
    if (!target || !hasOlder || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      const cameIntoView = !buttonInView.current && entries.some((entry) => entry.isIntersecting);
      buttonInView.current = entries.some((entry) => entry.isIntersecting);
      if (cameIntoView && Date.now() - scrolledUpAt.current < 1000) loadOlder();
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasOlder, olderButton, firstSeq, loadOlder]);
}
