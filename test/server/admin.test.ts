/**
 * The admin routes under /_redshift-local/ (README "Admin routes"): health, a JSON snapshot of every account's
 * resources, and reset (open mode here; strict mode is in test/auth/strict-mode.test.ts). JSON,
 * never an AWS envelope; a wrong method is 405 with Allow, an unknown route 404.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateVpcCommand } from "@aws-sdk/client-ec2";
import { CreateClusterCommand, DescribeClustersCommand } from "@aws-sdk/client-redshift";
import { ManualClock, VERSION } from "../../src/index.js";
import { GRANTEE, GRANTOR, clientsFor, startServer } from "../helpers.js";

const PASSWORD = "Sup3rSecretPassw0rd";

async function json(res: Response): Promise<Record<string, unknown>> {
  assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
  return (await res.json()) as Record<string, unknown>;
}

describe("admin routes", () => {
  it("admin: GET /health is 200 {status: ok, version, store}, also with a trailing slash and as HEAD", async () => {
    await using rs = await startServer();
    const res = await fetch(`${rs.url}/_redshift-local/health`);
    assert.equal(res.status, 200);
    const body = await json(res);
    assert.deepEqual([body.status, body.version, body.store], ["ok", VERSION, "memory"]);
    assert.equal((await fetch(`${rs.url}/_redshift-local/health/`)).status, 200);
    assert.equal((await fetch(`${rs.url}/_redshift-local/health`, { method: "HEAD" })).status, 200);
  });

  it("admin: GET /state lists every account's and region's resources, at the server clock's time, without passwords", async () => {
    const clock = new ManualClock(Date.UTC(2030, 4, 6, 7, 8, 9));
    await using rs = await startServer({ clock });
    await clientsFor(rs.url, GRANTOR).redshift.send(
      new CreateClusterCommand({ ClusterIdentifier: "c1", NodeType: "ra3.xlplus", NumberOfNodes: 2, MasterUsername: "admin", MasterUserPassword: PASSWORD }),
    );
    await clientsFor(rs.url, GRANTEE, "eu-west-1").ec2.send(new CreateVpcCommand({ CidrBlock: "10.4.0.0/16" }));
    const res = await fetch(`${rs.url}/_redshift-local/state`);
    assert.equal(res.status, 200);
    const text = await res.clone().text();
    const state = await json(res);
    assert.equal(state.time, "2030-05-06T07:08:09.000Z");
    for (const kind of ["vpcs", "subnets", "securityGroups", "subnetGroups", "clusters", "authorizations", "endpoints"]) {
      assert.ok(Array.isArray(state[kind]), `state.${kind} is a list`);
    }
    const clusters = state.clusters as { account: string; region: string; id: string }[];
    assert.deepEqual(clusters.map((c) => [c.account, c.region, c.id]), [[GRANTOR, "us-east-1", "c1"]]);
    const vpcs = state.vpcs as { account: string; region: string; cidrBlock: string }[];
    assert.ok(vpcs.some((v) => v.account === GRANTEE && v.region === "eu-west-1" && v.cidrBlock === "10.4.0.0/16"), "the other account's VPC in the other region");
    assert.ok(vpcs.some((v) => v.account === GRANTOR && v.region === "us-east-1"), "the cluster owner's default VPC");
    assert.ok(!text.includes(PASSWORD), "the master password is never stored or shown");
  });

  it("admin: POST /reset wipes every account's state, and the server keeps serving", async () => {
    await using rs = await startServer();
    const owner = clientsFor(rs.url, GRANTOR);
    await owner.redshift.send(new CreateClusterCommand({ ClusterIdentifier: "c1", NodeType: "ra3.xlplus", NumberOfNodes: 2, MasterUsername: "admin", MasterUserPassword: PASSWORD }));
    await clientsFor(rs.url, GRANTEE).ec2.send(new CreateVpcCommand({ CidrBlock: "10.4.0.0/16" }));
    const res = await fetch(`${rs.url}/_redshift-local/reset`, { method: "POST" });
    assert.equal(res.status, 200);
    assert.deepEqual(await json(res), { status: "reset" });
    const state = await json(await fetch(`${rs.url}/_redshift-local/state`));
    for (const kind of ["vpcs", "subnets", "securityGroups", "subnetGroups", "clusters", "authorizations", "endpoints"]) assert.deepEqual(state[kind], [], kind);
    assert.deepEqual((await owner.redshift.send(new DescribeClustersCommand({}))).Clusters, []);
  });

  it("admin: a wrong method is 405 naming the allowed one, and an unknown route is 404, both as JSON", async () => {
    await using rs = await startServer();
    await clientsFor(rs.url, GRANTEE).ec2.send(new CreateVpcCommand({ CidrBlock: "10.4.0.0/16" }));
    for (const [method, path, allowed] of [
      ["POST", "health", "GET"],
      ["DELETE", "state", "GET"],
      ["GET", "reset", "POST"],
    ] as const) {
      const res = await fetch(`${rs.url}/_redshift-local/${path}`, { method });
      assert.equal(res.status, 405, `${method} ${path}`);
      assert.equal(res.headers.get("allow"), allowed);
      assert.equal((await json(res)).error, "MethodNotAllowed");
    }
    const unknown = await fetch(`${rs.url}/_redshift-local/nope`);
    assert.equal(unknown.status, 404);
    assert.equal((await json(unknown)).error, "NotFound");
    // GET /reset refused before acting: the VPC is still there.
    const vpcs = (await json(await fetch(`${rs.url}/_redshift-local/state`))).vpcs as { cidrBlock: string }[];
    assert.ok(vpcs.some((v) => v.cidrBlock === "10.4.0.0/16"));
  });
});
