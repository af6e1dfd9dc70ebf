/**
 * Parse cost per recorded payload: `npm run bench:parse [-- <iterations>]`. Prints a table of
 * median and p95 per parse; no assertions (a regression shows up as a number, not a failure).
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parsePayload } from "../lib/providers/index";
import { PAYLOADS } from "../test/fixtures/manifest";

const iterations = Math.max(1, Number(process.argv[2] ?? 200) || 200);
const root = fileURLToPath(new URL("../test/fixtures/", import.meta.url));

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

const rows: string[][] = [];
for (const p of PAYLOADS) {
  const body = readFileSync(`${root}${p.file}`, "utf8");
  const bodies = { [p.key]: body };
  for (let i = 0; i < Math.min(20, iterations); i++) parsePayload(p.provider, bodies); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    parsePayload(p.provider, bodies);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  rows.push([
    p.file,
    p.provider,
    (body.length / 1024).toFixed(1),
    quantile(samples, 0.5).toFixed(3),
    quantile(samples, 0.95).toFixed(3),
  ]);
}

const header = ["payload", "provider", "KiB", "median ms", "p95 ms"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
const line = (r: string[]) =>
  r.map((c, i) => (i >= 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join("  ");
console.log(`parse cost over ${iterations} iterations per payload`);
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows) console.log(line(r));
