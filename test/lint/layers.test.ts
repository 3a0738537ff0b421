/**
 * The layers of src/ are enforced by `npm run lint` (eslint.config.js): an
 * import that reaches up or across a layer fails, one that goes down passes.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { ESLint } from "eslint";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Lints a real file placed in `folder` (removed afterwards) and returns the layer errors. */
async function layerErrors(folder: string, source: string): Promise<string[]> {
  const file = `${root}src/${folder}/layer-probe-${randomBytes(4).toString("hex")}.ts`;
  writeFileSync(file, source);
  try {
    const [result] = await new ESLint({ cwd: root }).lintFiles([file]);
    return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
  } finally {
    rmSync(file, { force: true });
  }
}

test("lint refuses imports that break the layers", async () => {
  const cases: Array<[string, string]> = [
    ["domain", `import { memberOf } from "../http/auth.js";\nexport const probe = memberOf;\n`],
    ["protocol", `import { Messages } from "../domain/conversations/messages.js";\nexport const probe = Messages;\n`],
    ["gateway", `import type { Services } from "../http/services.js";\nexport type Probe = Services;\n`],
    ["http", `import { Hub } from "../gateway/hub.js";\nexport const probe = Hub;\n`],
    ["store", `import { Blocks } from "../domain/safety/blocks.js";\nexport const probe = Blocks;\n`],
  ];
  for (const [folder, source] of cases) {
    const errors = await layerErrors(folder, source);
    assert.equal(errors.length, 1, `${folder}: ${source}`);
    assert.match(errors[0]!, new RegExp(`src/${folder} may not import`));
  }
});

test("lint allows imports down the layers", async () => {
  const errors = await layerErrors(
    "http",
    `import { KindredError } from "../protocol/errors.js";\nimport type { Messages } from "../domain/conversations/messages.js";\nexport const probe: [unknown, Messages | null] = [KindredError, null];\n`,
  );
  assert.deepEqual(errors, []);
});
