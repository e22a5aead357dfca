/**
 * The web console's server side: the page and its assets (headers, no inline code, no markup APIs
 * in the script), the admin-route rules on every console route, and the event stream — changes made
 * through another instance on the same SQLite file (and PostgreSQL database), transitions settled by
 * the console's own poll on a ManualClock, the timeline, and streams ended at shutdown.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { Script } from "node:vm";
import { CreateVpcCommand } from "@aws-sdk/client-ec2";
import { CreateEndpointAccessCommand, DescribeClustersCommand } from "@aws-sdk/client-redshift";
import { ManualClock, startRedshiftLocal } from "../../src/index.js";
import { CONTENT_SECURITY_POLICY } from "../../src/server/console/routes.js";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, startServer } from "../helpers.js";
import { endpointWorld, grant } from "../fixtures/endpoint-world.js";
import { PG_SKIP, PG_URL, dropSchema, freshSchema } from "../postgres.js";
import { AKID, SECRET, send, sign } from "../wire/signing.js";
import { openStream, recordsOf } from "./console-stream.js";
import { ConsoleHub } from "../../src/server/console/hub.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import type { Store } from "../../src/store/store.js";
import { testApp } from "../fixtures/app.js";

const PAGE = "/_redshift-local/";
const ROUTES = [PAGE, "/_redshift-local/console/app.js", "/_redshift-local/console/app.css", "/_redshift-local/console/icon.svg", "/_redshift-local/console/model", "/_redshift-local/events"];

function header(res: { headers: Readonly<Record<string, string | string[] | undefined>> }, name: string): string {
  return String(res.headers[name] ?? "");
}

describe("console: the page and its assets", () => {
  it("console: GET /_redshift-local/ is the HTML page, with a CSP forbidding inline script and style and remote sources, nosniff and no framing", async () => {
    await using rs = await startServer();
    for (const path of [PAGE, "/_redshift-local"]) {
      const res = await send(rs.url, { method: "GET", path });
      assert.equal(res.status, 200, res.text);
      assert.match(header(res, "content-type"), /^text\/html; charset=utf-8/);
      const csp = header(res, "content-security-policy");
      assert.equal(csp, CONTENT_SECURITY_POLICY);
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*|https?:/);
      assert.equal(header(res, "x-content-type-options"), "nosniff");
      assert.match(res.text, /<title>redshift-local console<\/title>/);
    }
  });

  it("console: the page loads only its own assets: no inline script or style, no remote URL", async () => {
    await using rs = await startServer();
    const page = (await send(rs.url, { method: "GET", path: PAGE })).text;
    for (const m of page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      assert.match(m[1]!, /src="\/_redshift-local\/console\/app\.js"/);
      assert.equal(m[2]!.trim(), "", "no inline script");
    }
    assert.doesNotMatch(page, /<style|\sstyle=|\son[a-z]+=/i, "no inline style or event handler attribute");
    assert.doesNotMatch(page, /(src|href)="(https?:)?\/\//, "no remote source");
    for (const path of ["/_redshift-local/console/app.js", "/_redshift-local/console/app.css", "/_redshift-local/console/icon.svg"]) {
      const res = await send(rs.url, { method: "GET", path });
      assert.equal(res.status, 200, path);
      assert.equal(header(res, "content-security-policy"), CONTENT_SECURITY_POLICY, path);
      assert.doesNotMatch(res.text, /https?:\/\/(?!www\.w3\.org\/2000\/svg)/, `${path} names no remote URL`);
    }
    const css = await send(rs.url, { method: "GET", path: "/_redshift-local/console/app.css" });
    assert.match(header(css, "content-type"), /^text\/css/);
    assert.doesNotMatch(css.text, /@import|url\(/, "the style sheet loads nothing");
  });

  it("console: the script builds the page with DOM APIs only (no innerHTML, outerHTML, insertAdjacentHTML, document.write, eval) and is valid JavaScript", async () => {
    await using rs = await startServer();
    const res = await send(rs.url, { method: "GET", path: "/_redshift-local/console/app.js" });
    assert.match(header(res, "content-type"), /^text\/javascript; charset=utf-8/);
    for (const api of ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "DOMParser", "createContextualFragment", "srcdoc"]) {
      assert.ok(!res.text.includes(api), `the script does not use ${api}`);
    }
    // Parses (a syntax error would only show in a browser); no module syntax is used.
    assert.doesNotThrow(() => new Script(res.text, { filename: "app.js" }));
    assert.match(res.text, /textContent/);
  });

  it("console: other methods are 405 with Allow; the event stream is GET only; HEAD of the page has no body", async () => {
    await using rs = await startServer();
    const post = await send(rs.url, { method: "POST", path: PAGE, body: "" });
    assert.equal(post.status, 405);
    assert.equal(header(post, "allow"), "GET, HEAD");
    const headEvents = await send(rs.url, { method: "HEAD", path: "/_redshift-local/events" });
    assert.equal(headEvents.status, 405);
    assert.equal(header(headEvents, "allow"), "GET");
    const head = await send(rs.url, { method: "HEAD", path: PAGE });
    assert.equal(head.status, 200);
    assert.equal(head.text, "");
    const unknown = await send(rs.url, { method: "GET", path: "/_redshift-local/console/nope.js" });
    assert.equal(unknown.status, 404);
  });
});

describe("console: admin-route rules", () => {
  it("console: a foreign Origin, Sec-Fetch-Site cross-site or a Host not allowed is refused with 403 on the page, its assets, the model and the stream", async () => {
    await using rs = await startServer();
    const refusals: [Record<string, string>, string][] = [
      [{ origin: "https://evil.example" }, "CrossOriginRequestRefused"],
      [{ "sec-fetch-site": "cross-site" }, "CrossOriginRequestRefused"],
      [{ host: "evil.example" }, "HostNotAllowed"],
    ];
    for (const path of ROUTES) {
      for (const [headers, code] of refusals) {
        const res = await send(rs.url, { method: "GET", path, headers });
        assert.equal(res.status, 403, `${path} ${JSON.stringify(headers)}: ${res.text}`);
        assert.equal((JSON.parse(res.text) as { error: string }).error, code);
      }
      // What the page itself sends: its own origin, same-origin fetches.
      const own = await send(rs.url, { method: path.endsWith("/events") ? "HEAD" : "GET", path, headers: { origin: rs.url, "sec-fetch-site": "same-origin" } });
      assert.notEqual(own.status, 403, path);
    }
  });

  it("console: in --auth strict the page and the stream need a signature by a configured key", async () => {
    const clock = new ManualClock(Date.parse("2030-01-01T00:00:00Z"));
    await using rs = await startServer({ auth: "strict", credentials: [{ accessKeyId: AKID, secretAccessKey: SECRET, accountId: GRANTOR }], clock });
    for (const path of [PAGE, "/_redshift-local/console/model", "/_redshift-local/events"]) {
      const unsigned = await send(rs.url, { method: "GET", path });
      assert.equal(unsigned.status, 403, path);
      assert.equal((JSON.parse(unsigned.text) as { error: string }).error, "MissingAuthenticationToken");
    }
    const signed = await send(rs.url, await sign(rs.url, { method: "GET", path: PAGE }, { service: "redshift", signingDate: new Date(clock.now()) }));
    assert.equal(signed.status, 200, signed.text);
    const model = await send(rs.url, await sign(rs.url, { method: "GET", path: "/_redshift-local/console/model" }, { service: "redshift", signingDate: new Date(clock.now()) }));
    assert.equal(model.status, 200, model.text);
    const signedStream = await sign(rs.url, { method: "GET", path: "/_redshift-local/events" }, { service: "redshift", signingDate: new Date(clock.now()) });
    const stream = await openStream(rs.url, "/_redshift-local/events", signedStream.headers as Record<string, string>);
    assert.equal(stream.status, 200);
    await stream.next("model");
    stream.close();
  });
});

describe("console: live updates", () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), "rl-console-"));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it("console: the stream sends the model at once, then a new one after a change made through another instance on the same SQLite file", async () => {
    const dataDir = join(root, "shared");
    await using a = await startServer({ store: { kind: "sqlite", dataDir } });
    await using b = await startServer({ store: { kind: "sqlite", dataDir } });
    const stream = await openStream(a.url);
    assert.equal(stream.status, 200);
    assert.match(header(stream, "content-type"), /^text\/event-stream/);
    assert.equal(header(stream, "content-security-policy"), CONTENT_SECURITY_POLICY);
    const first = await stream.next("model");
    assert.equal(recordsOf(first, "vpcs").length, 0);
    const made = await clientsFor(b.url, GRANTOR).ec2.send(new CreateVpcCommand({ CidrBlock: "10.7.0.0/16" }));
    // The next model event is the changed one (a stream gets one model when it opens, not two).
    const seen = await stream.next("model");
    assert.ok(recordsOf(seen, "vpcs").some((v) => v["id"] === made.Vpc!.VpcId), "the VPC made through the other instance");
    assert.deepEqual((seen as { accounts: string[] }).accounts, [GRANTOR]);
    stream.close();
  });

  it("console: on PostgreSQL, a page on one instance sees a change made through another instance on the same database", { skip: PG_SKIP }, async () => {
    const schema = freshSchema();
    try {
      const store = { kind: "postgres" as const, url: PG_URL!, schema, poolSize: 2 };
      await using a = await startRedshiftLocal({ port: 0, store, logLevel: "silent" });
      await using b = await startRedshiftLocal({ port: 0, store, logLevel: "silent" });
      const stream = await openStream(a.url);
      await stream.next("model");
      const made = await clientsFor(b.url, GRANTEE).ec2.send(new CreateVpcCommand({ CidrBlock: "10.8.0.0/16" }));
      await stream.next("model", (m) => recordsOf(m, "vpcs").some((v) => v["id"] === made.Vpc!.VpcId && v["account"] === GRANTEE));
      stream.close();
    } finally {
      await dropSchema(schema);
    }
  });

  it("console: the console's poll settles due transitions, so the stream shows an endpoint turn from creating to active when the clock moves, with no client calling", async () => {
    await using world = await endpointWorld({ delays: { "endpoint-create": 300_000 } });
    await grant(world);
    const stream = await openStream(world.rs.url);
    await stream.next("model");
    await world.grantee.redshift.send(
      new CreateEndpointAccessCommand({ EndpointName: "watched", ClusterIdentifier: "analytics", ResourceOwner: GRANTOR, SubnetGroupName: world.granteeNet.subnetGroupName }),
    );
    const endpointIs = (status: string) => (m: unknown) => recordsOf(m, "endpoints").some((e) => e["name"] === "watched" && e["status"] === status);
    await stream.next("model", endpointIs("creating"));
    world.clock.advance(300_000);
    await stream.next("model", endpointIs("active"));
    const transition = (await stream.next("timeline", (t) =>
      (t as { entries: { type: string; id?: string; to?: string }[] }).entries.some((e) => e.type === "transition" && e.id === "watched" && e.to === "active"),
    )) as { entries: { type: string; id?: string; from?: string; to?: string; account?: string }[] };
    const entry = transition.entries.find((e) => e.id === "watched" && e.to === "active")!;
    assert.equal(entry.from, "creating");
    assert.equal(entry.account, GRANTEE);
    stream.close();
  });

  it("console: the timeline lists each call with action, account, region, outcome and error code, newest first", async () => {
    await using rs = await startServer();
    const stream = await openStream(rs.url);
    await stream.next("timeline", (t) => (t as { full: boolean }).full);
    await stream.next("model");
    await expectAwsError(clientsFor(rs.url, GRANTOR, "eu-west-1").redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "missing" })), "ClusterNotFoundFault", 404);
    const batch = (await stream.next("timeline", (t) => (t as { entries: { action: string }[] }).entries.some((e) => e.action === "DescribeClusters"))) as {
      full: boolean;
      entries: Record<string, unknown>[];
    };
    assert.equal(batch.full, false);
    const entry = batch.entries.find((e) => e["action"] === "DescribeClusters")!;
    assert.equal(entry["type"], "call");
    assert.equal(entry["account"], GRANTOR);
    assert.equal(entry["region"], "eu-west-1");
    assert.equal(entry["service"], "redshift");
    assert.equal(entry["status"], 404);
    assert.equal(entry["code"], "ClusterNotFound");
    // The model route returns the same timeline, newest first.
    const model = JSON.parse((await send(rs.url, { method: "GET", path: "/_redshift-local/console/model" })).text) as { timeline: { seq: number; action: string }[] };
    assert.equal(model.timeline[0]!.action, "DescribeClusters");
    stream.close();
  });

  it("console: a poll reads a snapshot only when the store's change marker moved (no full read while nothing is written)", async () => {
    const inner = new SqliteStore();
    let snapshots = 0;
    const store: Store = {
      kind: inner.kind,
      location: inner.location,
      transact: (fn) => inner.transact(fn),
      read: (fn) => inner.read(fn),
      health: () => inner.health(),
      snapshot: () => {
        snapshots++;
        return inner.snapshot();
      },
      changeMarker: () => inner.changeMarker(),
      reset: () => inner.reset(),
      close: () => inner.close(),
    };
    const hub = new ConsoleHub(testApp(store));
    try {
      await hub.current();
      await hub.current();
      await hub.current();
      assert.equal(snapshots, 1, "one snapshot for three polls without a write");
      await inner.transact((tx) => tx.vpcs.insert({ account: GRANTOR, region: "us-east-1", id: "vpc-1", createdAt: 0, cidrBlock: "10.0.0.0/16", isDefault: false, tags: [] }));
      const { model } = await hub.current();
      assert.equal(snapshots, 2, "the write moved the marker");
      assert.equal(recordsOf(model, "vpcs").length, 1);
    } finally {
      hub.close();
      await inner.close();
    }
  });

  it("console: close() ends the open event streams, so shutdown does not wait out its grace period", async () => {
    const lines: string[] = [];
    const rs = await startServer({ shutdownGraceMs: 60_000, logLevel: "warn", logSink: (l) => lines.push(l) });
    const streams = [await openStream(rs.url), await openStream(rs.url)];
    for (const s of streams) await s.next("model");
    await rs.close();
    await Promise.all(streams.map((s) => s.ended));
    assert.deepEqual(
      lines.filter((l) => l.includes("closed by force")),
      [],
      "no connection was left for the grace period to close",
    );
  });
});
