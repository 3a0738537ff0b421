import assert from "node:assert/strict";
import { test } from "node:test";
import { detectCrisis } from "./index.js";

/** Best of several rounds, so a busy machine makes the figure no worse than it is. */
function bestMillis(rounds: number, run: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

const typical = [
  "hey! how was your day? mine was long but ok",
  "thanks for listening, it really helped to talk",
  "I don't want to live anymore, I'm so tired of all of it",
  "this homework is killing me lol",
  "Me quiero morir, ya no aguanto más",
  "hola, ¿cómo estás? yo un poco triste hoy",
  "I used to feel suicidal but I'm in a better place now",
  "can we talk later? I have a meeting at 3",
];

test("a typical message takes well under 0.1 ms", () => {
  for (let i = 0; i < 300; i++) for (const t of typical) detectCrisis(t);
  const calls = 400 * typical.length;
  const millis = bestMillis(3, () => {
    for (let i = 0; i < 400; i++) for (const t of typical) detectCrisis(t);
  });
  const perCallMs = millis / calls;
  assert.ok(perCallMs < 0.1, `${(perCallMs * 1000).toFixed(1)} µs per message`);
});

const adversarial = [
  "i ".repeat(2000),
  "i want to ".repeat(400),
  "i dont want to live ".repeat(200),
  "me quiero ".repeat(400),
  "no ".repeat(1333),
  "kill myself ".repeat(333),
  "how many pills ".repeat(266),
  "took all my pills ".repeat(222),
  "my friend said i ".repeat(235),
  "s u i c i d e ".repeat(285),
  "😂".repeat(2000),
  "a".repeat(4000),
  "!?.,".repeat(1000),
  ("x".repeat(39) + " ").repeat(100),
];

test("4000-character adversarial inputs finish fast, and time grows linearly with length", () => {
  for (const text of adversarial) detectCrisis(text);
  for (const text of adversarial) {
    const single = bestMillis(3, () => detectCrisis(text));
    assert.ok(single < 25, `${single.toFixed(2)} ms for ${JSON.stringify(text.slice(0, 24))}… (${text.length} chars)`);
    const double = bestMillis(3, () => detectCrisis(text + " " + text));
    // Quadratic growth would make this about 4; allow noise on a shared machine.
    assert.ok(double < Math.max(single * 3.2, 2), `${double.toFixed(2)} ms at twice the length vs ${single.toFixed(2)} ms`);
  }
});
