import assert from "node:assert/strict";
import { test } from "node:test";
import { detectCrisis } from "./index.js";

const offered = (text: string) => detectCrisis(text).level !== "none";

function expectOffer(texts: string[]) {
  for (const text of texts) assert.ok(offered(text), `should offer support: ${text}`);
}
function expectQuiet(texts: string[]) {
  for (const text of texts) {
    const finding = detectCrisis(text);
    assert.equal(finding.level, "none", `should stay quiet: ${text} (fired ${finding.reasons.join(", ")})`);
  }
}

test("plain statements of wanting to die or to kill oneself", () => {
  expectOffer([
    "I want to die",
    "honestly i think about killing myself most nights",
    "I'm going to end my life",
    "i'd rather be dead",
    "I don't want to be alive anymore",
    "Everyone would be better off without me",
    "me quiero morir",
    "estoy pensando en quitarme la vida",
    "no quiero seguir viviendo",
  ]);
});

test("a plan, a means or a time makes it a crisis, not only a concern", () => {
  for (const text of [
    "I have the pills in front of me",
    "I'm going to kill myself tonight",
    "this is my goodbye, thank you for everything",
    "how many pills would it take to not wake up",
    "tengo las pastillas delante de mí",
    "esta noche me tomo todas las pastillas",
  ]) {
    assert.equal(detectCrisis(text).level, "crisis", text);
  }
  assert.equal(detectCrisis("I want to die").level, "concern");
});

test("negation sets a wish aside, but not wishing to live is itself the risk", () => {
  expectQuiet([
    "I'm not going to kill myself",
    "I would never hurt myself",
    "I don't want to die",
    "i'm not suicidal, just exhausted",
    "no me voy a matar",
    "no quiero morir",
    "ya no pienso en hacerme daño",
  ]);
  expectOffer([
    "I don't want to live anymore",
    "no quiero vivir",
    "ya no quiero vivir",
    "I'm not sure I want to be alive",
    "I can't promise I won't hurt myself",
    "my therapist doesn't know that I want to kill myself",
    "mi psicóloga no sabe que quiero matarme",
  ]);
  assert.ok(detectCrisis("I'm not going to kill myself").setAside.some((r) => r.endsWith("~negated")));
});

test("hyperbole and idiom stay quiet", () => {
  expectQuiet([
    "this homework is killing me",
    "I could die of embarrassment",
    "I'd kill for a coffee",
    "I'm dying to see you",
    "I'd die for my kids",
    "this queue makes me want to die",
    "ugh the cringe, I want to die lol",
    "one more meeting and I'll die 😂",
    "me muero de risa",
    "me mata el calor",
    "me muero por un café",
    "me quiero morir de la vergüenza jaja",
  ]);
  // Saying it is not a joke undoes the joke.
  expectOffer(["this exam makes me want to die, not joking", "no es broma, me quiero morir"]);
});

test("recovery stories about the past stay quiet; a recent act or thoughts coming back do not", () => {
  expectQuiet([
    "I used to feel suicidal",
    "last year I tried to end it, and now I'm doing better",
    "years ago I wanted to die, today I'm grateful to be here",
    "hace años quise morirme, hoy estoy mejor",
  ]);
  expectOffer(["I tried to kill myself last night", "I used to be suicidal and now those thoughts are back", "ayer intenté suicidarme"]);
});

test("talk about other people and the news is not the author's risk", () => {
  expectQuiet([
    "my friend said she wants to die, how do I help?",
    "a celebrity died by suicide",
    "he told me he wanted to kill himself",
    "my sister texted me 'I want to die' and I'm scared",
    "mi amiga dice que se quiere morir",
    "someone told me to kill myself",
  ]);
  // Unless the author says it is theirs too.
  expectOffer(["my brother died by suicide and I want to join him", "mi amigo dice que quiere morir y yo también"]);
});

test("quoted crisis lines and resources stay quiet", () => {
  expectQuiet([
    "the suicide hotline number is 988",
    "call 024",
    "text HOME to 741741",
    "llama al 024 si lo necesitas",
    "I volunteer for a suicide prevention line",
  ]);
});

test("shorthand: kms, unalive, sewerslide, ctb and sh are read; kys is not the author's own risk", () => {
  expectOffer([
    "kms",
    "i want to unalive myself",
    "thinking of sewerslide",
    "going to ctb tonight",
    "sh urges are so bad",
    "i relapsed on sh",
    "i want to disappear forever",
  ]);
  // "kys" is aimed at someone else: harassment, which moderation handles, not this detector.
  expectQuiet(["kys", "just kys", "200 days sh free", "shh i'm on a call"]);
});

test("misspellings, capitals, stretched letters, leetspeak and emoji are read through", () => {
  expectOffer([
    "I WANT TO DIE",
    "i wnat to dieeee 😭",
    "im gonna kil myslef",
    "thinking about su1cide",
    "i want to k*ll myself",
    "dont wanna b alive nemore",
    "YA NO KIERO VIVIR",
    "quiero morirmeeee",
  ]);
});

test("reasons name rules, never the message text", () => {
  const finding = detectCrisis("I have the pills in front of me and I want to die tonight");
  assert.equal(finding.level, "crisis");
  assert.ok(finding.reasons.includes("plan:means"));
  for (const reason of [...finding.reasons, ...finding.setAside]) {
    assert.match(reason, /^[a-z:-]+(?:~[a-z]+)?$/, reason);
    assert.ok(!reason.includes("pills"));
  }
});

test("the language is reported", () => {
  assert.equal(detectCrisis("me quiero morir").language, "es");
  assert.equal(detectCrisis("I want to die").language, "en");
  assert.equal(detectCrisis("hola, ¿qué tal el día?").language, "es");
  assert.equal(detectCrisis("👍").language, "und");
});

test("any string is safe to pass: empty, huge, control characters, lone surrogates", () => {
  for (const text of ["", " ", "\u0000\u0007", "\uD800", "💀".repeat(10), "x".repeat(100_000)]) {
    assert.equal(detectCrisis(text).level, "none");
  }
});

test("voices or one's own mind ordering it, and fear of oneself, are the author's risk", () => {
  expectOffer([
    "the voices keep telling me to kill myself",
    "my head tells me I should die",
    "las voces me dicen que me mate",
    "I'm scared of what I might do to myself",
    "tengo miedo de hacerme algo",
  ]);
  // A person telling someone to do it is harassment, not the author's wish.
  expectQuiet(["some guy in the comments told me to kill myself"]);
});

test("a subject left out after 'and' belongs to the words before it", () => {
  expectOffer(["I hate myself and want to disappear forever", "I'm so tired and just want to die"]);
  expectQuiet(["my cousin is exhausted and wants to die", "people get tired and want to die sometimes, it's normal to talk about"]);
});

test("the catch-all reads 'I' near a plain statement of dying, but not fear, others or idiom", () => {
  expectOffer(["all I want is to die", "sometimes I think dying would fix everything", "I'd do anything to not be alive"]);
  expectQuiet([
    "I'm afraid to die",
    "I saw a bird die on the road",
    "I'm literally dying, this show is hilarious",
    "I thought I'd die of fright on that ride",
    "I'll die on this hill",
    "I let my plants die again",
  ]);
  assert.ok(detectCrisis("all I want is to die").reasons.includes("death-talk"));
});
