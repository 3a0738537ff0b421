import assert from "node:assert/strict";
import { test } from "node:test";
import { normalize, toClauses } from "./normalize.js";

test("lowercases, strips accents and apostrophes, and keeps clause ends", () => {
  assert.equal(normalize("I’M NOT OK!!! Ya no quiero vivir más…"), "im not ok . ya no quiero vivir mas");
  assert.equal(normalize("¿Para qué seguir?"), "para que seguir");
  assert.equal(normalize("don't / can't / won't"), "dont cant wont");
});

test("emoji become spaces, except laughing ones, which become the word lol", () => {
  assert.equal(normalize("😔 i want to 😭 die"), "i want to die");
  assert.equal(normalize("dying 😂😂"), "dying lol lol");
  assert.equal(normalize("im dead 💀"), "im dead lol");
});

test("stretched letters shrink back to the word they stretch", () => {
  assert.equal(normalize("i want to dieeeee"), "i want to die");
  assert.equal(normalize("kiiiiill myselfff"), "kill myself");
  assert.equal(normalize("soooo tireddddd"), "so tired");
  assert.equal(normalize("quiero morirmeeee"), "quiero morirme");
  // A stretched "shh" must not turn into the self-harm shorthand "sh".
  assert.equal(normalize("shhhhh"), "shh");
  // Ordinary double letters are left alone.
  assert.equal(normalize("I feel all alone"), "i feel all alone");
});

test("digits and symbols standing for letters are read as letters, real numbers are not", () => {
  assert.equal(normalize("su1cide"), "suicide");
  assert.equal(normalize("k1ll mys3lf"), "kill myself");
  assert.equal(normalize("k!ll myself"), "kill myself");
  assert.equal(normalize("call 988 or 024, 2nd time at 10pm, 30mg"), "call 988 or 024 . 2nd time at 10pm . 30mg");
});

test("a letter hidden by an asterisk is filled in when it makes a rule word, else dropped", () => {
  assert.equal(normalize("i want to k*ll myself"), "i want to kill myself");
  assert.equal(normalize("s*icide"), "suicide");
  assert.equal(normalize("that was sh*t"), "that was sht");
});

test("shorthand and common misspellings become the spelling the rules use", () => {
  assert.equal(normalize("i wanna die"), "i want to die");
  assert.equal(normalize("imma end it tn"), "im going to end it tonight");
  assert.equal(normalize("i want 2 die"), "i want to die");
  assert.equal(normalize("i wnat to kil myslef"), "i want to kill myself");
  assert.equal(normalize("i feel sucidal"), "i feel suicidal");
  assert.equal(normalize("wanna commit sewerslide"), "want to commit suicide");
  assert.equal(normalize("dont wanna live nemore"), "dont want to live anymore");
  assert.equal(normalize("kiero morirme xq nadie me kiere"), "quiero morirme porque nadie me quiere");
  assert.equal(normalize("m quiero morir"), "me quiero morir");
  assert.equal(normalize("ive been thinkin bout killin myself"), "ive been thinking about killing myself");
  assert.equal(normalize("im done w life"), "im done with life");
});

test("letters typed with spaces between them are joined", () => {
  assert.equal(normalize("s u i c i d e"), "suicide");
  assert.equal(normalize("k m s"), "kms");
});

test("'dye' means 'die' unless something is being dyed", () => {
  assert.equal(normalize("i just wanna dye"), "i just want to die");
  assert.equal(normalize("gonna dye my hair"), "going to dye my hair");
});

test("very long runs without spaces are dropped rather than scanned", () => {
  const noise = "a".repeat(5000);
  assert.equal(normalize(`${noise} i want to die`), "i want to die");
});

test("clauses split at sentence ends and at words that turn the idea around", () => {
  assert.deepEqual(toClauses(normalize("I don't want to die, but I don't want to live either.")), ["i dont want to die", "but i dont want to live either"]);
  assert.deepEqual(toClauses(normalize("No. Pero ya no puedo más")), ["no", "pero ya no puedo mas"]);
  assert.deepEqual(toClauses(normalize("...!!!")), []);
});
