/**
 * `/_redshift-local/faults`: rules added, listed and removed while the server runs, behind the
 * admin-route checks (Host, Origin, a configured key's signature in strict mode); and a latency rule
 * delays only the calls it matches — other requests are answered meanwhile.
 */
import assert from "node:assert/strict";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { describe, it } from "node:test";
import { DescribeClustersCommand } from "@aws-sdk/client-redshift";
import { DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import { ManualClock, startRedshiftLocal } from "../../src/index.js";
import { FaultEngine } from "../../src/server/faults/engine.js";
import { createHttpServer } from "../../src/server/http.js";
import { Logger } from "../../src/server/logger.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { testApp } from "../fixtures/app.js";
import { GRANTOR, clientsFor, expectAwsError, startServer } from "../helpers.js";
import { AKID, SECRET, send, sign } from "../wire/signing.js";

const PATH = "/_redshift-local/faults";

async function call(url: string, method: string, body?: unknown, path = PATH): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url + path, { method, ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe("admin routes: /_redshift-local/faults", () => {
  it("POST adds rules (object, {spec}, compact string, or a list), GET lists them with their counts, DELETE removes", async () => {
    await using rs = await startServer({ faultSeed: 5 });
    const added = await call(rs.url, "POST", [{ id: "a", operation: "DescribeClusters", error: "Throttling", count: 1 }, { spec: "ec2:DescribeVpcs,latency=0,id=b" }, "sts:*,error=InternalFailure,id=c"]);
    assert.equal(added.status, 201, JSON.stringify(added.json));
    assert.deepEqual((added.json["rules"] as { id: string }[]).map((r) => r.id), ["a", "b", "c"]);
    const c = clientsFor(rs.url, GRANTOR).redshift;
    await expectAwsError(c.send(new DescribeClustersCommand({})), "Throttling", 400);
    await c.send(new DescribeClustersCommand({}));
    const listed = await call(rs.url, "GET");
    assert.equal(listed.json["seed"], 5);
    assert.deepEqual(listed.json["rules"], [
      { id: "a", service: "*", operation: "DescribeClusters", account: "*", region: "*", error: "Throttling", status: 400, message: "Rate exceeded", when: "before", probability: 1, count: 1, fired: 1, active: false },
      { id: "b", service: "ec2", operation: "DescribeVpcs", account: "*", region: "*", latencyMs: 0, probability: 1, fired: 0, active: true },
      { id: "c", service: "sts", operation: "*", account: "*", region: "*", error: "InternalFailure", status: 500, message: "The request processing has failed because of an unknown error, exception or failure.", when: "before", probability: 1, fired: 0, active: true },
    ]);
    assert.deepEqual(await call(rs.url, "DELETE", undefined, `${PATH}/b`), { status: 200, json: { removed: 1 } });
    assert.deepEqual(await call(rs.url, "DELETE", undefined, `${PATH}/b`), { status: 404, json: { error: "FaultRuleNotFound", message: "No fault rule with id 'b'." } });
    assert.deepEqual(await call(rs.url, "DELETE"), { status: 200, json: { removed: 2 } });
    assert.deepEqual((await call(rs.url, "GET")).json["rules"], []);
    const health = await call(rs.url, "GET", undefined, "/_redshift-local/health");
    assert.deepEqual(health.json["faults"], { fired: 1, rules: {} });
  });

  it("POST refuses a bad rule (400 InvalidFaultRule), a used id (409) and non-JSON, adding nothing", async () => {
    await using rs = await startServer({ faults: ["DescribeClusters,error=X,id=taken"] });
    const bad = await call(rs.url, "POST", [{ id: "new", error: "Throttling" }, { error: "Throttling", count: -1 }]);
    assert.equal(bad.status, 400);
    assert.equal(bad.json["error"], "InvalidFaultRule");
    assert.match(bad.json["message"] as string, /count -1/);
    const dup = await call(rs.url, "POST", { id: "taken", error: "Y" });
    assert.deepEqual([dup.status, dup.json["error"]], [409, "FaultRuleAlreadyExists"]);
    const junk = await call(rs.url, "POST", "error=Throttling");
    assert.deepEqual([junk.status, junk.json["error"]], [400, "InvalidFaultRule"]);
    assert.deepEqual(((await call(rs.url, "GET")).json["rules"] as { id: string }[]).map((r) => r.id), ["taken"]);
    const put = await fetch(rs.url + PATH, { method: "PUT" });
    assert.deepEqual([put.status, put.headers.get("allow")], [405, "GET, POST, DELETE"]);
  });

  it("the faults routes refuse a foreign Host or Origin like every admin route", async () => {
    await using rs = await startServer();
    const host = await send(rs.url, { method: "POST", path: PATH, headers: { host: "evil.example" }, body: '"error=Throttling"' });
    assert.deepEqual([host.status, (JSON.parse(host.text) as { error: string }).error], [403, "HostNotAllowed"]);
    const origin = await send(rs.url, { method: "POST", path: PATH, headers: { origin: "https://evil.example" }, body: '"error=Throttling"' });
    assert.deepEqual([origin.status, (JSON.parse(origin.text) as { error: string }).error], [403, "CrossOriginRequestRefused"]);
    assert.deepEqual((await call(rs.url, "GET")).json["rules"], []);
  });

  it("strict: the faults routes need a configured key's signature", async () => {
    const clock = new ManualClock(Date.parse("2030-01-01T00:00:00Z"));
    await using rs = await startServer({ auth: "strict", credentials: [{ accessKeyId: AKID, secretAccessKey: SECRET, accountId: GRANTOR }], clock });
    const body = JSON.stringify({ id: "s", error: "Throttling" });
    const unsigned = await send(rs.url, { method: "POST", path: PATH, body });
    assert.deepEqual([unsigned.status, (JSON.parse(unsigned.text) as { error: string }).error], [403, "MissingAuthenticationToken"]);
    const unsignedGet = await send(rs.url, { method: "GET", path: PATH });
    assert.equal(unsignedGet.status, 403);
    const signed = await send(rs.url, await sign(rs.url, { method: "POST", path: PATH, body }, { service: "redshift", signingDate: new Date(clock.now()) }));
    assert.equal(signed.status, 201, signed.text);
  });
});

describe("fault injection: the library option", () => {
  it("startRedshiftLocal refuses a bad rule in faults, or a bad faultSeed, naming the mistake", async () => {
    await assert.rejects(startRedshiftLocal({ port: 0, logLevel: "silent", faults: ["DescribeClusters,error=Throttling,count=none"] }), /count=none is not a number/);
    await assert.rejects(startRedshiftLocal({ port: 0, logLevel: "silent", faults: [{ hold: "endpoint-create", probability: 0.5 }] }), /probability does not apply to hold rules/);
    await assert.rejects(startRedshiftLocal({ port: 0, logLevel: "silent", faultSeed: -1 }), /faultSeed must be a whole number/);
  });
});

describe("fault injection: latency", () => {
  it("a latency rule delays the calls it matches without holding up other requests", async () => {
    let release!: () => void;
    const waits: number[] = [];
    const released = new Promise<void>((resolve) => (release = resolve));
    const store = new SqliteStore();
    const clock = new ManualClock(Date.now());
    const faults = new FaultEngine({ clock, logger: new Logger("silent"), sleep: (ms) => (waits.push(ms), released) });
    faults.add(["redshift:DescribeClusters,latency=10m"]);
    const server = createHttpServer(testApp(store, { clock, faults }));
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const c = clientsFor(url, GRANTOR);
      let slowDone = false;
      const slow = c.redshift.send(new DescribeClustersCommand({})).then((out) => ((slowDone = true), out));
      while (waits.length === 0) await new Promise((r) => setImmediate(r));
      assert.deepEqual(waits, [600_000]);
      const vpcs = await c.ec2.send(new DescribeVpcsCommand({}));
      assert.equal(vpcs.Vpcs?.length, 1, "another request is answered while the delayed one waits");
      assert.equal(slowDone, false);
      release();
      assert.deepEqual((await slow).Clusters, []);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
    }
  });
});
