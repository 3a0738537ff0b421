/**
 * The address a signed-out visitor was going to: kept in the tab's storage under "kindred.",
 * only a path on this origin and never a getting-in page, used once, and gone at sign-out.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { MemoryStorage, TabStorage } from "../../socket/tab-storage";
import { ReturnTo, isInvite, returnToName, safeReturnTo } from "./return-to";

function fresh() {
  const backing = new MemoryStorage();
  const storage = new TabStorage(backing);
  return { backing, storage, returnTo: new ReturnTo(storage) };
}

test("an address is remembered in the tab's storage, peeked at, then taken once", () => {
  const { backing, returnTo } = fresh();
  assert.equal(returnTo.peek(), undefined);
  returnTo.remember("/invite/abc_DEF-123");
  assert.equal(backing.getItem("kindred.returnTo"), JSON.stringify("/invite/abc_DEF-123"));
  assert.equal(returnTo.peek(), "/invite/abc_DEF-123");
  assert.equal(returnTo.peek(), "/invite/abc_DEF-123", "peeking keeps it");
  assert.equal(returnTo.take(), "/invite/abc_DEF-123");
  assert.equal(returnTo.take(), undefined, "taking forgets it");
  assert.equal(backing.length, 0);
});

test("the path and its query are kept as they were; the latest address wins", () => {
  const { returnTo } = fresh();
  returnTo.remember("/conversations/01J8ZK?from=list");
  assert.equal(returnTo.peek(), "/conversations/01J8ZK?from=list");
  returnTo.remember("/rooms");
  assert.equal(returnTo.take(), "/rooms");
});

test("only a path on this origin is accepted: no other host, scheme or trick a browser would follow", () => {
  const refused = [
    "",
    "rooms",
    "https://elsewhere.example/invite/x",
    "//elsewhere.example/invite/x",
    "/\\elsewhere.example/invite/x",
    "\\\\elsewhere.example",
    "/\t/elsewhere.example",
    "/\n/elsewhere.example",
    " /rooms",
    "javascript:alert(1)",
    "/" + "a".repeat(2001),
  ];
  for (const path of refused) {
    assert.equal(safeReturnTo(path), undefined, JSON.stringify(path));
    const { backing, returnTo } = fresh();
    returnTo.remember(path);
    assert.equal(backing.length, 0, `${JSON.stringify(path)} is not remembered`);
  }
  for (const value of [null, 42, { path: "/rooms" }, ["/rooms"]]) assert.equal(safeReturnTo(value), undefined);
  for (const path of ["/home", "/rooms", "/invite/x", "/conversations/a%2Fb", "/welcome"]) assert.equal(safeReturnTo(path), path);
});

test("the getting-in pages themselves are never remembered", () => {
  for (const path of ["/sign-in", "/sign-in?next=x", "/sign-up", "/recover", "/recover/", "/recovery-codes", "/signed-out", "/under-18"]) {
    assert.equal(safeReturnTo(path), undefined, path);
  }
  assert.equal(safeReturnTo("/invite/sign-in"), "/invite/sign-in", "only the first segment counts");
});

test("a value planted in storage by hand is checked again when read", () => {
  const { backing, returnTo } = fresh();
  backing.setItem("kindred.returnTo", JSON.stringify("//elsewhere.example/x"));
  assert.equal(returnTo.peek(), undefined);
  assert.equal(returnTo.take(), undefined);
  assert.equal(backing.length, 0, "taking removes it anyway");
  backing.setItem("kindred.returnTo", "not json");
  assert.equal(returnTo.peek(), undefined);
});

test("sign-out forgets it with everything else; a page opened signed out can keep it alone", () => {
  const { backing, storage, returnTo } = fresh();
  returnTo.remember("/invite/abc");
  storage.write("draft.c1", "half a thought");
  storage.forgetAll([returnToName]);
  assert.equal(returnTo.peek(), "/invite/abc");
  assert.equal(storage.read("draft.c1"), undefined, "the member's draft is still forgotten");
  storage.forgetAll();
  assert.equal(returnTo.peek(), undefined);
  assert.equal(backing.length, 0);
});

test("an invite is told apart from other addresses", () => {
  assert.equal(isInvite("/invite/abc"), true);
  assert.equal(isInvite("/rooms"), false);
  assert.equal(isInvite("/invitexyz"), false);
  assert.equal(isInvite(undefined), false);
});
