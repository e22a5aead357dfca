/**
 * The library API (README "As a library"): `startRedshiftLocal(options)` → `{ url, port, close(),
 * [Symbol.asyncDispose] }`, the CLI's options typed, several instances in one process with
 * different options (no process-global state), an injectable clock, a reset() that wipes state like
 * the admin route, and a close() that lets in-flight requests finish before the store closes.
 */
import assert from "node:assert/strict";
import { request } from "node:http";
import { createServer } from "node:net";
import { describe, it } from "node:test";
import { CreateVpcCommand, DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import { AuthorizeEndpointAccessCommand, DescribeClustersCommand } from "@aws-sdk/client-redshift";
import { ManualClock, startRedshiftLocal, type RedshiftLocal } from "../src/index.js";
import { createCluster } from "./fixtures/endpoint-world.js";
import { GRANTEE, GRANTOR, STRANGER, clientsFor, expectAwsError, rawPost } from "./helpers.js";

const SILENT = { logLevel: "silent" } as const;

async function refused(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/_redshift-local/health`);
    return false;
  } catch {
    return true;
  }
}

async function account(url: string, body = "Action=GetCallerIdentity&Version=2011-06-15"): Promise<string | undefined> {
  return /<Account>(\d+)<\/Account>/.exec((await rawPost(url, body)).text)?.[1];
}

/** The admin snapshot without its `time`, to compare states. */
async function state(url: string): Promise<unknown> {
  const { time: _time, ...rest } = (await (await fetch(`${url}/_redshift-local/state`)).json()) as Record<string, unknown>;
  return rest;
}

describe("library API", () => {
  it("library: the documented call starts a server on a free port; close() stops it and may be called twice", async () => {
    const rs = await startRedshiftLocal({ port: 0, store: { kind: "memory" }, ...SILENT });
    assert.match(rs.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(rs.port > 0);
    assert.equal(rs.url, `http://127.0.0.1:${rs.port}`);
    assert.equal(await account(rs.url), "000000000000");
    await rs.close();
    await rs.close();
    assert.equal(await refused(rs.url), true);
  });

  it("library: `await using` closes the server at the end of the block", async () => {
    let url: string;
    {
      await using rs = await startRedshiftLocal({ ...SILENT });
      url = rs.url;
      assert.equal(await refused(url), false);
    }
    assert.equal(await refused(url), true);
  });

  it("library: two instances in one process keep their own options and state", async () => {
    const clockA = new ManualClock(Date.UTC(2030, 0, 1));
    const clockB = new ManualClock(Date.UTC(2031, 5, 6));
    await using a = await startRedshiftLocal({ ...SILENT, clock: clockA, defaultAccount: "121212121212", quotas: ["grants-per-cluster=1"] });
    await using b = await startRedshiftLocal({ ...SILENT, clock: clockB, defaultAccount: "343434343434", auth: "strict", credentials: [{ accessKeyId: "AKIDB", secretAccessKey: "b-secret", accountId: "343434343434" }] });
    assert.equal(await account(a.url), "121212121212");
    const strict = await rawPost(b.url, "Action=GetCallerIdentity&Version=2011-06-15");
    assert.equal(strict.status, 403, "only b is strict");
    assert.equal((await fetch(`${a.url}/_redshift-local/health`)).headers.get("date"), "Tue, 01 Jan 2030 00:00:00 GMT");
    assert.equal((await fetch(`${b.url}/_redshift-local/health`)).headers.get("date"), "Fri, 06 Jun 2031 00:00:00 GMT");

    await clientsFor(a.url, GRANTOR).ec2.send(new CreateVpcCommand({ CidrBlock: "10.9.0.0/16" }));
    await using c = await startRedshiftLocal({ ...SILENT });
    const inC = await clientsFor(c.url, GRANTOR).ec2.send(new DescribeVpcsCommand({}));
    assert.ok(!inC.Vpcs?.some((v) => v.CidrBlock === "10.9.0.0/16"), "memory stores are per instance");

    // a's quota is its own: the second grant on a cluster is refused in a, accepted in c.
    for (const rs of [a, c]) await createCluster(clientsFor(rs.url, GRANTOR), "c1", { AvailabilityZoneRelocation: true });
    clockA.advance(86_400_000);
    for (const rs of [a, c]) await clientsFor(rs.url, GRANTOR).redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "c1", Account: GRANTEE }));
    await expectAwsError(
      clientsFor(a.url, GRANTOR).redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "c1", Account: STRANGER })),
      "EndpointAuthorizationsPerClusterLimitExceededFault",
    );
    const second = await clientsFor(c.url, GRANTOR).redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "c1", Account: STRANGER }));
    assert.equal(second.Grantee, STRANGER);
  });

  it("library: reset() wipes every account's and region's state like POST /_redshift-local/reset, only on its own instance", async () => {
    await using rs = await startRedshiftLocal({ ...SILENT });
    await using other = await startRedshiftLocal({ ...SILENT });
    const empty = await state(rs.url);
    for (const url of [rs.url, other.url]) {
      await createCluster(clientsFor(url, GRANTOR), "c1");
      await clientsFor(url, GRANTEE, "eu-west-1").ec2.send(new CreateVpcCommand({ CidrBlock: "10.9.0.0/16" }));
    }
    assert.notDeepEqual(await state(rs.url), empty);

    const result: void = await rs.reset();
    assert.equal(result, undefined);
    assert.deepEqual(await state(rs.url), empty, "the same state as a fresh server");
    assert.deepEqual((await clientsFor(rs.url, GRANTOR).redshift.send(new DescribeClustersCommand({}))).Clusters, []);
    const vpcs = await clientsFor(rs.url, GRANTEE, "eu-west-1").ec2.send(new DescribeVpcsCommand({}));
    assert.ok(!vpcs.Vpcs?.some((v) => v.CidrBlock === "10.9.0.0/16"));
    // The server keeps serving, and the name is free again.
    await createCluster(clientsFor(rs.url, GRANTOR), "c1");
    // The other instance is untouched.
    assert.equal((await clientsFor(other.url, GRANTOR).redshift.send(new DescribeClustersCommand({}))).Clusters?.length, 1);

    await rs.close();
    await assert.rejects(rs.reset(), /reset\(\) after close\(\)/);
  });

  it("library: delays and quotas take the CLI's specs or records alike", async () => {
    for (const options of [{ delays: ["cluster-create=1m"], quotas: ["nodes-per-account=2"] }, { delays: { "cluster-create": 60_000 }, quotas: { "nodes-per-account": 2 } }]) {
      const clock = new ManualClock(Date.UTC(2030, 0, 1));
      await using rs = await startRedshiftLocal({ ...SILENT, clock, ...options });
      const owner = clientsFor(rs.url, GRANTOR);
      await createCluster(owner, "c1");
      await expectAwsError(createCluster(owner, "c2"), "NumberOfNodesQuotaExceededFault");
      clock.advance(59_999);
      await expectAwsError(owner.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "c1", Account: GRANTEE })), "InvalidClusterStateFault");
      clock.advance(1);
      const grant = await owner.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "c1", Account: GRANTEE }));
      assert.equal(grant.Status, "Authorized");
    }
  });

  it("library: invalid options are refused before anything listens", async () => {
    await assert.rejects(startRedshiftLocal({ ...SILENT, defaultAccount: "1234" }), RangeError);
    await assert.rejects(startRedshiftLocal({ ...SILENT, quotas: ["widgets=3"] }), /widgets/);
    await assert.rejects(startRedshiftLocal({ ...SILENT, delays: ["cluster-explode=1s"] }), /cluster-explode/);
    await assert.rejects(startRedshiftLocal({ ...SILENT, store: { kind: "postgres", url: "postgres://rl@localhost/rl", poolSize: 0 } }), RangeError);
    await assert.rejects(startRedshiftLocal({ ...SILENT, store: { kind: "postgres", url: "postgres://rl@localhost/rl", schema: "a;b" } }), RangeError);
    // An unreachable database: the error names the URL, never the password.
    await assert.rejects(startRedshiftLocal({ ...SILENT, store: { kind: "postgres", url: "postgres://rl:s3cret@127.0.0.1:1/rl" } }), (err: Error) => {
      assert.match(err.message, /cannot open the PostgreSQL store postgres:\/\/rl@127\.0\.0\.1:1\/rl/);
      assert.ok(!err.message.includes("s3cret"));
      return true;
    });
    await assert.rejects(startRedshiftLocal({ ...SILENT, credentials: [{ accessKeyId: "AK", secretAccessKey: "s", accountId: "12" }] }), /12 digits/);
    await assert.rejects(startRedshiftLocal({ ...SILENT, auth: "closed" as "open" }), /auth must be/);
    await assert.rejects(startRedshiftLocal({ logLevel: "loud" as "info" }), /logLevel must be/);
    await assert.rejects(startRedshiftLocal({ ...SILENT, port: 70_000 }), RangeError);
  });

  it("library: a port in use rejects with EADDRINUSE", async () => {
    const blocker = createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => blocker.once("listening", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await assert.rejects(startRedshiftLocal({ ...SILENT, port }), { code: "EADDRINUSE" });
    } finally {
      blocker.close();
    }
  });

  it("library: close() lets an in-flight request finish and answer before the store closes", async () => {
    const rs: RedshiftLocal = await startRedshiftLocal({ ...SILENT, defaultAccount: "565656565656" });
    const body = "Action=GetCallerIdentity&Version=2011-06-15";
    const req = request(rs.url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": body.length, Expect: "100-continue" } });
    const answered = new Promise<{ status: number; text: string; connection: string | undefined }>((resolve, reject) => {
      req.on("response", (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (d: string) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text, connection: res.headers.connection }));
      });
      req.on("error", reject);
    });
    req.flushHeaders();
    await new Promise((resolve) => req.once("continue", resolve)); // the server is reading this request's body
    const closed = rs.close();
    req.end(body);
    const res = await answered;
    assert.equal(res.status, 200, res.text);
    assert.match(res.text, /<Account>565656565656<\/Account>/);
    assert.equal(res.connection, "close", "the connection does not outlive the response");
    await closed;
    assert.equal(await refused(rs.url), true);
  });
});
