/**
 * In-process CPU per request, without HTTP or a load generator: each workload's request goes
 * through the whole AWS pipeline (parameters, authentication, validation, transaction, handler, XML)
 * `--iterations` times, one after the other, on an in-memory store, and the process's CPU time
 * (user + system) per request is printed. Steadier than `npm run bench` on a busy shared machine,
 * so it is the figure to compare while optimising (with `node --cpu-prof` for where the time goes).
 *
 *   node --import tsx bench/micro.ts [--iterations 5000] [--workloads SUBSTRING,…] [--concurrency N] [--postgres URL | --data-dir DIR]
 */
import { parseArgs } from "node:util";
import { Authenticator } from "../src/auth/authenticate.js";
import { systemClock } from "../src/domain/clock.js";
import { resolveDelays } from "../src/domain/lifecycle.js";
import { resolveQuotas } from "../src/domain/quotas.js";
import type { App } from "../src/server/app.js";
import { Logger } from "../src/server/logger.js";
import { handleAwsRequest, type PipelineRequest } from "../src/server/pipeline.js";
import { SqliteStore } from "../src/store/sqlite/sqlite-store.js";
import { openPostgresStore } from "../src/store/postgres/postgres-store.js";
import { pg } from "../src/store/postgres/driver.js";

const args = parseArgs({ options: { iterations: { type: "string" }, workloads: { type: "string" }, concurrency: { type: "string" }, postgres: { type: "string" }, "data-dir": { type: "string" } } }).values;
const ITERATIONS = Number(args.iterations ?? 5000);
/** Requests in flight at once (16 is what `npm run bench` keeps in flight over HTTP). */
const CONCURRENCY = Number(args.concurrency ?? 1);
const FILTER = args.workloads?.split(",").map((w) => w.toLowerCase());
const OWNER = "111111111111";
const SCHEMA = `micro_${process.pid}`;

const app: App = {
  // --postgres URL: the PostgreSQL store, in a fresh schema of that database (dropped at the end);
  // --data-dir DIR: the SQLite file store in DIR (an empty directory: the workloads' names are fixed).
  store:
    args.postgres !== undefined
      ? await openPostgresStore({ url: args.postgres, schema: SCHEMA })
      : new SqliteStore(args["data-dir"] === undefined ? {} : { dataDir: args["data-dir"] }),
  auth: new Authenticator({ mode: "open", credentials: new Map(), defaultAccount: "000000000000" }),
  clock: systemClock,
  quotas: resolveQuotas({ "grants-per-cluster": 1_000_000, "nodes-per-account": 1_000_000, "endpoints-per-cluster": 1_000_000 }),
  delays: resolveDelays(undefined),
  logger: new Logger("silent"),
  version: "micro",
  defaultAccount: "000000000000",
};

const qs = (params: Record<string, string | number>) => new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();

function request(body: string, service = "redshift", account = OWNER): PipelineRequest {
  const headers: Record<string, string> = {
    host: "127.0.0.1:4566",
    "content-type": "application/x-www-form-urlencoded",
    "x-amz-date": "20260101T000000Z",
    authorization: `AWS4-HMAC-SHA256 Credential=${account}/20260101/us-east-1/${service}/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=${"0".repeat(64)}`,
  };
  return {
    method: "POST",
    rawPath: "/",
    rawQuery: "",
    rawHeaders: Object.entries(headers).flat(),
    header: (name) => headers[name],
    query: new Map(),
    body: Buffer.from(body),
    tooLarge: false,
  };
}

async function call(body: string, service = "redshift", account = OWNER): Promise<string> {
  const out = await handleAwsRequest(app, request(body, service, account));
  if (out.status !== 200) throw new Error(`${out.status} ${out.body} ${out.internal ?? ""}`);
  return out.body;
}

const redshift = (action: string, params: Record<string, string | number> = {}) => qs({ Action: action, Version: "2012-12-01", ...params });
const cluster = (id: string) =>
  redshift("CreateCluster", { ClusterIdentifier: id, NodeType: "ra3.xlplus", NumberOfNodes: 2, MasterUsername: "admin", MasterUserPassword: "Passw0rd!x", AvailabilityZoneRelocation: "true" });
const grantee = (i: number) => String(200_000_000_000 + i);

await call(cluster("reads"));
for (let c = 0; c < 10; c++) await call(cluster(`writes-${c}`));
for (let i = 0; i < 150; i++) await call(redshift("AuthorizeEndpointAccess", { ClusterIdentifier: "reads", Account: grantee(i) }));
const vpc = await call(qs({ Action: "CreateVpc", Version: "2016-11-15", CidrBlock: "10.0.0.0/16" }), "ec2");
const vpcId = /<vpcId>([^<]+)<\/vpcId>/.exec(vpc)![1]!;
const subnet = await call(qs({ Action: "CreateSubnet", Version: "2016-11-15", VpcId: vpcId, CidrBlock: "10.0.0.0/17" }), "ec2");
const subnetId = /<subnetId>([^<]+)<\/subnetId>/.exec(subnet)![1]!;
await call(redshift("CreateClusterSubnetGroup", { ClusterSubnetGroupName: "sng", Description: "micro", "SubnetIds.SubnetIdentifier.1": subnetId }));
await call(cluster("ep-host") + "&ClusterSubnetGroupName=sng");
await call(redshift("CreateEndpointAccess", { EndpointName: "probe", ClusterIdentifier: "ep-host", SubnetGroupName: "sng" }));

const workloads: [string, (i: number) => Promise<unknown>][] = [
  ["DescribeClusters by id", () => call(redshift("DescribeClusters", { ClusterIdentifier: "reads" }))],
  ["DescribeEndpointAuthorization by cluster+account", () => call(redshift("DescribeEndpointAuthorization", { ClusterIdentifier: "reads", Account: grantee(7) }))],
  ["DescribeEndpointAccess by name", () => call(redshift("DescribeEndpointAccess", { EndpointName: "probe" }))],
  ["GetCallerIdentity (STS)", () => call(qs({ Action: "GetCallerIdentity", Version: "2011-06-15" }), "sts")],
  ["DescribeEndpointAuthorization page of 100", () => call(redshift("DescribeEndpointAuthorization", { ClusterIdentifier: "reads", MaxRecords: 100 }))],
  ["AuthorizeEndpointAccess (distinct grantees)", (i) => call(redshift("AuthorizeEndpointAccess", { ClusterIdentifier: `writes-${i % 10}`, Account: grantee(100_000 + i) }))],
  ["CreateCluster", (i) => call(cluster(`load-${i}`), "redshift", String(300_000_000_000 + (i % 2000)))],
  // Every endpoint into one VPC (a /17: 32,763 addresses): placement's cost must not grow with them.
  ["CreateEndpointAccess into one VPC", (i) => call(redshift("CreateEndpointAccess", { EndpointName: `one-vpc-${i}`, ClusterIdentifier: "ep-host", SubnetGroupName: "sng" }))],
];

for (const [name, run] of workloads) {
  if (FILTER !== undefined && !FILTER.some((f) => name.toLowerCase().includes(f))) continue;
  for (let i = 0; i < Math.min(500, ITERATIONS); i++) await run(1_000_000 + i); // warm-up
  const before = process.cpuUsage();
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < ITERATIONS) await run(next++);
  }));
  const used = process.cpuUsage(before);
  console.log(`${name.padEnd(48)} ${((used.user + used.system) / ITERATIONS).toFixed(1).padStart(7)} µs CPU/request`);
}
await app.store.close();
if (args.postgres !== undefined) {
  const admin = new pg.Client({ connectionString: args.postgres });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await admin.end();
}
