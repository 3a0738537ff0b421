/**
 * Summarizes a V8 CPU profile (from `BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR"`)
 * as the share of samples per function and per package, the figures
 * docs/performance.md quotes:  node --import tsx bench/summarize-profile.ts FILE.cpuprofile
 */
import { readFileSync } from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

const file = process.argv[2];
if (!file) {
  console.error("usage: summarize-profile.ts FILE.cpuprofile");
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const timeOf = new Map<number, number>();
profile.samples.forEach((id, i) => timeOf.set(id, (timeOf.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...timeOf.values()].reduce((a, b) => a + b, 0);

const where = (url: string) => url.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, "$1").replace(/.*\/(dist|src)\//, "$1/");
const byFunction = new Map<string, number>();
const byPlace = new Map<string, number>();
for (const node of profile.nodes) {
  const t = timeOf.get(node.id) ?? 0;
  const { functionName, url, lineNumber } = node.callFrame;
  const fn = `${functionName || "(anonymous)"}  ${url ? `${where(url)}:${lineNumber}` : ""}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + t);
  const place = url ? where(url) : `(${functionName})`;
  byPlace.set(place, (byPlace.get(place) ?? 0) + t);
}
const print = (title: string, map: Map<string, number>, rows: number) => {
  console.log(title);
  for (const [name, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(`${((t / total) * 100).toFixed(1).padStart(6)}%  ${name}`);
};
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
print("by function", byFunction, 25);
print("by package or file", byPlace, 15);
