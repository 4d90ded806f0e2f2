// Signs the benchmarks' example request (dev.signet.benchmarks.OmniExample) with Omni's official
// Node SDK in a loop, and reports operations per second: the median of several timed rounds after
// a warm-up, with process.hrtime. Run through run.sh, which installs the SDK and passes the
// signature Signet writes, so that both are known to sign the same text.
//
// usage: node sign-bench.mjs [--expect-signature SIG] [--jmh RESULTS.json] [--rounds N] [--round-ms MS] [--warmup-ms MS]
import fs from "node:fs";
import { embedSsoDashboard } from "@omni-co/embed";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const rounds = Number(option("--rounds", "10"));
const roundMs = Number(option("--round-ms", "1000"));
const warmupMs = Number(option("--warmup-ms", "3000"));

// The same request as OmniExample, in the SDK's terms.
const props = {
  organizationName: "acme",
  secret: "demo-secret-not-for-production",
  contentId: "1a2b3c4d", // contentPath /dashboards/1a2b3c4d
  externalId: "user-42",
  name: "Blob Ross",
  nonce: "0123456789abcdefghijABCDEFGHIJ01",
  email: "blob.ross@example.com",
  entity: "acme-west",
  theme: "vibes",
  userAttributes: { region: "west" },
};

const url = await embedSsoDashboard(props);
const signature = new URL(url).searchParams.get("signature");
const expected = option("--expect-signature", null);
if (expected !== null && expected !== signature) {
  console.error(`the SDK signed ${signature}, Signet ${expected}: not the same request`);
  process.exit(1);
}

// One round: as many signings as fit in ms milliseconds, each awaited as a caller awaits it.
const round = async (ms) => {
  const budget = BigInt(ms) * 1_000_000n;
  const start = process.hrtime.bigint();
  let ops = 0;
  let sink = 0;
  let now = start;
  while (now - start < budget) {
    for (let i = 0; i < 100; i++) {
      sink += (await embedSsoDashboard(props)).length;
    }
    ops += 100;
    now = process.hrtime.bigint();
  }
  if (sink === 0) throw new Error("unreachable");
  return (ops * 1e9) / Number(now - start);
};

await round(warmupMs);
const results = [];
for (let i = 0; i < rounds; i++) results.push(await round(roundMs));
const sorted = [...results].sort((a, b) => a - b);
const median = rounds % 2 ? sorted[(rounds - 1) / 2] : (sorted[rounds / 2 - 1] + sorted[rounds / 2]) / 2;
const fmt = (x) => Math.round(x).toLocaleString("en-US");
console.log(`node ${process.version}, @omni-co/embed ${JSON.parse(fs.readFileSync(new URL("./node_modules/@omni-co/embed/package.json", import.meta.url))).version}`);
console.log(`signature: ${signature}${expected !== null ? " (the same as Signet's)" : ""}`);
console.log(`embedSsoDashboard: median ${fmt(median)} ops/s over ${rounds} rounds of ${roundMs} ms (min ${fmt(sorted[0])}, max ${fmt(sorted[rounds - 1])}), ${(1e6 / median).toFixed(2)} µs/op`);

const jmh = option("--jmh", null);
if (jmh !== null) {
  const runs = JSON.parse(fs.readFileSync(jmh, "utf8"));
  for (const name of ["SignBenchmark.signet", "SignBenchmark.signetBuildAndSign", "SignBenchmark.signetFreshNonce"]) {
    const run = runs.find((r) => r.benchmark.endsWith(name) && r.threads === 1);
    if (!run) continue;
    const signet = run.primaryMetric.scorePercentiles["50.0"];
    console.log(`Signet ${name.split(".")[1]} (JMH median, 1 thread): ${fmt(signet)} ops/s: ${(signet / median).toFixed(1)}× the SDK's`);
  }
}
