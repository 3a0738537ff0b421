import assert from "node:assert/strict";
import { test } from "node:test";
import { type Candidate, rankCandidates, sharedExperiences } from "./ranking.js";

const c = (userId: string, over: Partial<Candidate> = {}): Candidate => ({
  userId,
  kind: "listener",
  shared: 1,
  onDutySupporter: false,
  openChats: 0,
  waitingSince: 100,
  ...over,
});

test("most shared experiences first", () => {
  assert.deepEqual(
    rankCandidates([c("a", { shared: 1 }), c("b", { shared: 3 }), c("c", { shared: 2 })]).map((x) => x.userId),
    ["b", "c", "a"],
  );
});

test("then on-duty supporters, the least busy first", () => {
  const ranked = rankCandidates([c("peer"), c("busy", { onDutySupporter: true, openChats: 3 }), c("free", { onDutySupporter: true, openChats: 1 })]);
  assert.deepEqual(
    ranked.map((x) => x.userId),
    ["free", "busy", "peer"],
  );
});

test("then the longest waiting", () => {
  assert.deepEqual(
    rankCandidates([c("late", { waitingSince: 300 }), c("early", { waitingSince: 10 }), c("mid", { waitingSince: 200 })]).map((x) => x.userId),
    ["early", "mid", "late"],
  );
});

test("shared experiences count distinct tags across profile and request", () => {
  assert.equal(sharedExperiences(["grief", "heard-voices"], ["grief", "grief", "homelessness"]), 1);
  assert.equal(sharedExperiences(["grief", "grief"], ["grief"]), 1);
  assert.equal(sharedExperiences([], ["grief"]), 0);
});
