/**
 * Fault rules on the endpoint-access calls (README "Fault injection"), added while the server runs
 * through `/_redshift-local/faults`:
 * - hold rules: a resource's transition stays pending — the endpoint stays `creating`, the cluster
 *   `creating` — however far the clock moves, until the rule is removed or expires; then the next
 *   request settles it;
 * - `when=after`: the grant or the endpoint is made and the answer lost; the client's retry meets
 *   what its first attempt did, as against AWS.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AuthorizeEndpointAccessCommand, DescribeEndpointAccessCommand, DescribeEndpointAuthorizationCommand } from "@aws-sdk/client-redshift";
import type { FaultRuleInput } from "../../src/index.js";
import { GRANTEE, GRANTOR, expectAwsError } from "../helpers.js";
import { clusterStatus, createCluster, endpointWorld, grant, granteeEndpoint, type World } from "../fixtures/endpoint-world.js";

async function addFault(w: World, rule: FaultRuleInput | string): Promise<void> {
  const res = await fetch(`${w.rs.url}/_redshift-local/faults`, { method: "POST", body: JSON.stringify(rule) });
  assert.equal(res.status, 201, await res.text());
}

async function removeFault(w: World, id: string): Promise<void> {
  const res = await fetch(`${w.rs.url}/_redshift-local/faults/${id}`, { method: "DELETE" });
  assert.equal(res.status, 200, await res.text());
}

async function endpointStatus(w: World, name: string): Promise<string | undefined> {
  const out = await w.grantee.redshift.send(new DescribeEndpointAccessCommand({ EndpointName: name }));
  return out.EndpointAccessList?.[0]?.EndpointStatus;
}

describe("fault injection: holding a transition", () => {
  it("an endpoint stays creating while a hold rule is in force, and becomes active once the rule is removed", async () => {
    await using w = await endpointWorld();
    await grant(w);
    await addFault(w, { id: "slow-endpoint", hold: "endpoint-create", account: GRANTEE });
    await granteeEndpoint(w, "held");
    w.settle();
    assert.equal(await endpointStatus(w, "held"), "creating");
    w.settle();
    assert.equal(await endpointStatus(w, "held"), "creating");
    const health = (await (await fetch(`${w.rs.url}/_redshift-local/health`)).json()) as { faults: { fired: number; rules: Record<string, number> } };
    assert.deepEqual(health.faults, { fired: 1, rules: { "slow-endpoint": 1 } }, "one resource held, counted once");
    await removeFault(w, "slow-endpoint");
    assert.equal(await endpointStatus(w, "held"), "active");
  });

  it("for=10m: the endpoint takes 10 minutes of the server's clock, whatever the configured delay", async () => {
    await using w = await endpointWorld();
    await grant(w);
    await addFault(w, "hold=endpoint-create,for=10m");
    await granteeEndpoint(w, "ten");
    w.clock.advance(10 * 60_000 - 1);
    assert.equal(await endpointStatus(w, "ten"), "creating");
    w.clock.advance(1);
    assert.equal(await endpointStatus(w, "ten"), "active");
  });

  it("resource= holds only the named resource; others of the same transition settle", async () => {
    await using w = await endpointWorld();
    await grant(w);
    await addFault(w, "hold=endpoint-create,resource=Held");
    await granteeEndpoint(w, "held");
    await granteeEndpoint(w, "free");
    w.settle();
    assert.equal(await endpointStatus(w, "held"), "creating");
    assert.equal(await endpointStatus(w, "free"), "active");
  });

  it("a rule for another account or transition holds nothing", async () => {
    await using w = await endpointWorld();
    await grant(w);
    await addFault(w, { hold: "endpoint-create", account: GRANTOR });
    await addFault(w, { hold: "endpoint-delete" });
    await granteeEndpoint(w, "mine");
    w.settle();
    assert.equal(await endpointStatus(w, "mine"), "active");
  });

  it("a cluster stays creating under hold=cluster-create", async () => {
    await using w = await endpointWorld();
    await addFault(w, { id: "c", hold: "cluster-create", resource: "second" });
    await createCluster(w.grantor, "second", { ClusterSubnetGroupName: w.grantorNet.subnetGroupName });
    w.settle();
    assert.equal(await clusterStatus(w.grantor, "second"), "creating");
    await removeFault(w, "c");
    assert.equal(await clusterStatus(w.grantor, "second"), "available");
  });
});

describe("fault injection: endpoint calls whose answer is lost (when=after)", () => {
  it("AuthorizeEndpointAccess: the grant is made, the answer lost; the retry is EndpointAuthorizationAlreadyExists", async () => {
    await using w = await endpointWorld();
    await addFault(w, "redshift:AuthorizeEndpointAccess,error=InternalFailure,when=after,count=1");
    const authorize = () => w.grantor.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: w.cluster, Account: GRANTEE }));
    await expectAwsError(authorize(), "InternalFailure", 500);
    const grants = await w.grantor.redshift.send(new DescribeEndpointAuthorizationCommand({ ClusterIdentifier: w.cluster }));
    assert.deepEqual(grants.EndpointAuthorizationList?.map((a) => [a.Grantee, a.Status]), [[GRANTEE, "Authorized"]]);
    await expectAwsError(authorize(), "EndpointAuthorizationAlreadyExistsFault", 400);
  });

  it("CreateEndpointAccess: the endpoint is made, the answer lost; the retry is EndpointAlreadyExists", async () => {
    await using w = await endpointWorld();
    await grant(w);
    await addFault(w, { operation: "CreateEndpointAccess", error: "ServiceUnavailable", when: "after", count: 1 });
    await expectAwsError(granteeEndpoint(w, "lost"), "ServiceUnavailable", 503);
    assert.equal(await endpointStatus(w, "lost"), "active");
    await expectAwsError(granteeEndpoint(w, "lost"), "EndpointAlreadyExistsFault", 400);
  });

  it("CreateEndpointAccess with when=before: nothing is made, and the retry creates the endpoint", async () => {
    await using w = await endpointWorld();
    await grant(w);
    await addFault(w, { operation: "CreateEndpointAccess", error: "ServiceUnavailable", count: 1 });
    await expectAwsError(granteeEndpoint(w, "retried"), "ServiceUnavailable", 503);
    assert.deepEqual((await w.grantee.redshift.send(new DescribeEndpointAccessCommand({}))).EndpointAccessList, []);
    const created = await granteeEndpoint(w, "retried");
    assert.equal(created.EndpointStatus, "creating");
  });
});
