/**
 * `npm run bench`: measures the performance targets (README "Benchmark") as ratios against a bare node:http server measured in
 * the same run, with the server and the load generator each pinned to one core (taskset, when the
 * machine has it) and 16 keep-alive connections. Runs against `--in-memory` and the default SQLite
 * file store, from the built CLI (dist/). Prints a table and writes bench/results.json.
 *
 * Targets: reads ≥ 40 % of the bare rate; writes ≥ 20 %; p99 ≤ 10 ms; DescribeEndpointAuthorization
 * with 10,000 grants in the store within 1.5× the time with 10; cold start to "listening" ≤ 500 ms;
 * idle RSS ≤ 100 MB. A report, not a test: it exits 0 whatever the figures (machines are noisy).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

const ROOT = new URL("..", import.meta.url).pathname;
const CLI = join(ROOT, "dist/src/cli/main.js");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const CONNECTIONS = 16;
const OWNER = "111111111111";
const HAS_TASKSET = spawnSync("taskset", ["-c", "0", "true"]).status === 0;

function pinned(core: number, command: string, args: string[]): ChildProcess {
  return HAS_TASKSET
    ? spawn("taskset", ["-c", String(core), command, ...args], { stdio: ["ignore", "pipe", "inherit"] })
    : spawn(command, args, { stdio: ["ignore", "pipe", "inherit"] });
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once("line", (line) => resolve(line));
    child.once("exit", (code) => reject(new Error(`process exited with ${code} before printing`)));
  });
}

/** A raw request as the load generator sends it: signed-looking header auth for `service` (open mode does not verify unknown keys). */
function rawRequest(port: number, body: string, service = "redshift", account = OWNER): string {
  const date = "20260101T000000Z";
  const head =
    `POST / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
    `X-Amz-Date: ${date}\r\nAuthorization: AWS4-HMAC-SHA256 Credential=${account}/20260101/us-east-1/${service}/aws4_request, ` +
    `SignedHeaders=content-type;host;x-amz-date, Signature=${"0".repeat(64)}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
  return Buffer.from(head + body).toString("base64");
}

interface LoadResult {
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

async function load(port: number, requests: string[]): Promise<LoadResult> {
  const input = { host: "127.0.0.1", port, connections: CONNECTIONS, seconds: SECONDS, warmupSeconds: WARMUP, requests };
  const dir = mkdtempSync(join(tmpdir(), "rl-load-"));
  const file = join(dir, "input.json");
  writeFileSync(file, JSON.stringify(input));
  try {
    const child = pinned(1, process.execPath, ["--import", "tsx", join(ROOT, "bench/load.ts"), file]);
    return JSON.parse(await firstLine(child)) as LoadResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

function call(port: number, body: string, service = "redshift", account = OWNER): Promise<{ status: number; text: string }> {
  const raw = Buffer.from(rawRequest(port, body, service, account), "base64").toString();
  const [head] = raw.split("\r\n\r\n");
  const headers: Record<string, string> = {};
  for (const line of head!.split("\r\n").slice(1)) {
    const i = line.indexOf(":");
    headers[line.slice(0, i)] = line.slice(i + 1).trim();
  }
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method: "POST", path: "/", headers, agent }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function must(port: number, body: string, service = "redshift", account = OWNER): Promise<string> {
  const res = await call(port, body, service, account);
  if (res.status !== 200) throw new Error(`setup call failed (${res.status}): ${body}\n${res.text}`);
  return res.text;
}

async function inParallel(n: number, width: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < n) await fn(next++);
  }));
}

const qs = (params: Record<string, string | number>) => new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
const redshiftBody = (action: string, params: Record<string, string | number> = {}) => qs({ Action: action, Version: "2012-12-01", ...params });
const grantee = (i: number) => String(200_000_000_000 + i);

interface StoreRun {
  store: string;
  coldStartMs: number;
  idleRssMb: number;
  results: Record<string, LoadResult>;
}

async function benchStore(store: "memory" | "sqlite"): Promise<StoreRun> {
  const dataDir = mkdtempSync(join(tmpdir(), "rl-bench-"));
  const storeArgs = store === "memory" ? ["--in-memory"] : ["--data-dir", dataDir];
  const started = performance.now();
  const server = pinned(0, process.execPath, [
    CLI,
    "--port",
    "0",
    ...storeArgs,
    "--log-level",
    "warn",
    "--quota",
    "grants-per-cluster=1000000",
  ]);
  const line = await firstLine(server);
  const coldStartMs = performance.now() - started;
  const port = Number(/:(\d+)$/.exec(line)?.[1]);
  try {
    await must(port, redshiftBody("DescribeClusters"));
    const idleRssMb = rssMb(server.pid!);
    const cluster = (id: string) =>
      redshiftBody("CreateCluster", {
        ClusterIdentifier: id,
        NodeType: "ra3.xlplus",
        NumberOfNodes: 2,
        MasterUsername: "admin",
        MasterUserPassword: "Passw0rd!x",
        AvailabilityZoneRelocation: "true",
      });
    await must(port, cluster("reads"));
    await must(port, cluster("big"));
    await must(port, cluster("small"));
    for (let c = 0; c < 50; c++) await must(port, cluster(`writes-${c}`));
    await inParallel(150, 16, (i) => must(port, redshiftBody("AuthorizeEndpointAccess", { ClusterIdentifier: "reads", Account: grantee(i) })));
    await inParallel(10, 4, (i) => must(port, redshiftBody("AuthorizeEndpointAccess", { ClusterIdentifier: "small", Account: grantee(i) })));

    const results: Record<string, LoadResult> = {};
    const run = async (name: string, bodies: string[], accountOf: (i: number) => string = () => OWNER) => {
      results[name] = await load(port, bodies.map((b, i) => rawRequest(port, b, "redshift", accountOf(i))));
      process.stderr.write(`  ${store} ${name}: ${Math.round(results[name].rps)} req/s, p99 ${results[name].p99Ms.toFixed(2)} ms\n`);
    };
    await run("DescribeClusters", [redshiftBody("DescribeClusters", { ClusterIdentifier: "reads" })]);
    await run("DescribeEndpointAuthorization", [redshiftBody("DescribeEndpointAuthorization", { ClusterIdentifier: "reads", Account: grantee(7) })]);
    await run("DescribeEndpointAuthorization page of 100", [redshiftBody("DescribeEndpointAuthorization", { ClusterIdentifier: "reads", MaxRecords: 100 })]);
    await run("10 grants in store", [redshiftBody("DescribeEndpointAuthorization", { ClusterIdentifier: "small", Account: grantee(3) })]);
    await inParallel(10_000, 16, (i) => must(port, redshiftBody("AuthorizeEndpointAccess", { ClusterIdentifier: "big", Account: grantee(1000 + i) })));
    await run("10,000 grants in store", [redshiftBody("DescribeEndpointAuthorization", { ClusterIdentifier: "small", Account: grantee(3) })]);
    const writes = Array.from({ length: 200_000 }, (_, i) =>
      redshiftBody("AuthorizeEndpointAccess", { ClusterIdentifier: `writes-${i % 50}`, Account: grantee(100_000 + i) }),
    );
    await run("AuthorizeEndpointAccess (distinct grantees)", writes);
    // Spread over 2,000 owner accounts so every account stays within the default nodes-per-account quota.
    const creates = Array.from({ length: 100_000 }, (_, i) => cluster(`load-${i}`));
    await run("CreateCluster", creates, (i) => String(300_000_000_000 + (i % 2000)));
    return { store, coldStartMs, idleRssMb, results };
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}

async function benchBare(): Promise<LoadResult> {
  const server = pinned(0, process.execPath, ["--import", "tsx", join(ROOT, "bench/bare-server.ts")]);
  const port = Number(await firstLine(server));
  try {
    return await load(port, [rawRequest(port, redshiftBody("DescribeClusters"))]);
  } finally {
    server.kill("SIGTERM");
  }
}

async function main(): Promise<void> {
  process.stderr.write(`bench: ${SECONDS}s per workload after ${WARMUP}s warm-up, ${CONNECTIONS} connections, ${HAS_TASKSET ? "pinned with taskset" : "NOT pinned (no taskset)"}\n`);
  const bare = await benchBare();
  process.stderr.write(`  bare node:http: ${Math.round(bare.rps)} req/s, p99 ${bare.p99Ms.toFixed(2)} ms\n`);
  const runs = [await benchStore("memory"), await benchStore("sqlite")];
  const rows: string[][] = [["store", "workload", "req/s", "% of bare", "p99 ms", "target", "ok"]];
  const verdicts: boolean[] = [];
  const add = (store: string, name: string, r: LoadResult, minRatio: number) => {
    const ratio = r.rps / bare.rps;
    const ok = ratio >= minRatio && r.p99Ms <= 10 && r.errors === 0;
    verdicts.push(ok);
    rows.push([store, name, String(Math.round(r.rps)), `${(ratio * 100).toFixed(1)}%`, r.p99Ms.toFixed(2), `≥${minRatio * 100}%, p99≤10ms`, ok ? "yes" : `NO${r.errors ? ` (${r.errors} errors)` : ""}`]);
  };
  for (const run of runs) {
    for (const name of ["DescribeClusters", "DescribeEndpointAuthorization", "DescribeEndpointAuthorization page of 100"]) add(run.store, name, run.results[name]!, 0.4);
    for (const name of ["AuthorizeEndpointAccess (distinct grantees)", "CreateCluster"]) add(run.store, name, run.results[name]!, 0.2);
    const scale = run.results["10 grants in store"]!.rps / run.results["10,000 grants in store"]!.rps;
    verdicts.push(scale <= 1.5);
    rows.push([run.store, "Describe… with 10,000 grants vs 10 (time ratio)", "", "", "", "≤1.5×", `${scale.toFixed(2)}× ${scale <= 1.5 ? "yes" : "NO"}`]);
    verdicts.push(run.coldStartMs <= 500, run.idleRssMb <= 100);
    rows.push([run.store, "cold start to listening", "", "", `${run.coldStartMs.toFixed(0)} ms`, "≤500 ms", run.coldStartMs <= 500 ? "yes" : "NO"]);
    rows.push([run.store, "idle RSS", "", "", `${run.idleRssMb.toFixed(0)} MB`, "≤100 MB", run.idleRssMb <= 100 ? "yes" : "NO"]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const table = rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join("  ")).join("\n");
  console.log(`bare node:http: ${Math.round(bare.rps)} req/s (p99 ${bare.p99Ms.toFixed(2)} ms)\n\n${table}\n\n${verdicts.filter(Boolean).length}/${verdicts.length} targets met`);
  writeFileSync(join(ROOT, "bench/results.json"), JSON.stringify({ date: new Date().toISOString(), seconds: SECONDS, pinned: HAS_TASKSET, bare, runs }, null, 2) + "\n");
  agent.destroy();
}

await main();
