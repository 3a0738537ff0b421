/**
 * Ids: ULIDs (48 bits of milliseconds, then 80 random bits, in Crockford
 * base32), so they sort by creation time and need no coordination between
 * nodes. Random bytes come from a pooled buffer: drawing them from the system
 * once per id cost more than storing the message.
 */
import { randomFillSync } from "node:crypto";

const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const pool = Buffer.alloc(16 * 1024);
let offset = pool.length;

function randomBytes10(): Buffer {
  if (offset + 10 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  offset += 10;
  return pool.subarray(offset - 10, offset);
}

export function newId(now = Date.now()): string {
  let time = "";
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = alphabet[t % 32]! + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes10();
  let random = "";
  // 80 bits = 16 characters of 5 bits.
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      random += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return time + random;
}
