/**
 * The calls Terraform's `aws_redshift_endpoint_authorization` and `aws_redshift_endpoint_access`
 * make (hashicorp/terraform-provider-aws internal/service/redshift,
 * https://github.com/hashicorp/terraform-provider-aws/tree/main/internal/service/redshift), replayed
 * with
 * the JS SDK against a server with realistic, non-zero delays and a ManualClock. The waiters poll as
 * Terraform does, moving the clock by Terraform's poll interval between polls instead of sleeping.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AuthorizeEndpointAccessCommand,
  CreateEndpointAccessCommand,
  DeleteEndpointAccessCommand,
  DescribeEndpointAccessCommand,
  DescribeEndpointAuthorizationCommand,
  EndpointAuthorizationNotFoundFault,
  EndpointNotFoundFault,
  ModifyEndpointAccessCommand,
  RevokeEndpointAccessCommand,
  type EndpointAccess,
  type EndpointAuthorization,
  type RedshiftClient,
} from "@aws-sdk/client-redshift";
import type { ManualClock } from "../../src/index.js";
import { GRANTEE, GRANTOR } from "../helpers.js";
import { endpointWorld } from "../fixtures/endpoint-world.js";

const REALISTIC = ["realistic"];
/** wait.go: Delay 30 s, then at least 10 s between polls, 10 min timeout. */
const TF_DELAY = 30_000;
const TF_POLL = 10_000;
const TF_TIMEOUT = 10 * 60_000;

/** find.go FindEndpointAuthorizationByID: grantor view, exactly one element, not-found faults and empty lists mean "gone". */
async function readAuthorization(client: RedshiftClient, account: string, cluster: string): Promise<EndpointAuthorization | undefined> {
  try {
    const out = await client.send(new DescribeEndpointAuthorizationCommand({ Account: account, ClusterIdentifier: cluster }));
    const list = out.EndpointAuthorizationList ?? [];
    assert.ok(list.length <= 1, "Terraform refuses more than one result");
    return list[0];
  } catch (err) {
    if (err instanceof Error && (err.name === "ClusterNotFoundFault" || err.name === "EndpointAuthorizationNotFoundFault")) return undefined;
    throw err;
  }
}

/** find.go FindEndpointAccessByName: EndpointNotFound means gone; exactly one element otherwise. */
async function readEndpoint(client: RedshiftClient, name: string): Promise<EndpointAccess | undefined> {
  try {
    const out = await client.send(new DescribeEndpointAccessCommand({ EndpointName: name }));
    assert.equal(out.EndpointAccessList?.length, 1, "Terraform requires exactly one endpoint");
    return out.EndpointAccessList[0];
  } catch (err) {
    if (err instanceof EndpointNotFoundFault) return undefined;
    throw err;
  }
}

/** resource.StateChangeConf as wait.go configures it, on the manual clock. Returns the polls made. */
async function waitFor(
  clock: ManualClock,
  poll: () => Promise<string | undefined>,
  pending: readonly string[],
  target: string | undefined,
): Promise<{ polls: number; waited: number }> {
  clock.advance(TF_DELAY);
  let waited = TF_DELAY;
  for (let polls = 1; ; polls++) {
    const state = await poll();
    if (state === target) return { polls, waited };
    assert.ok(state !== undefined && pending.includes(state), `unexpected state '${state ?? "(gone)"}'`);
    assert.ok(waited < TF_TIMEOUT, "Terraform would time out");
    clock.advance(TF_POLL);
    waited += TF_POLL;
  }
}

describe("Terraform flows", () => {
  it("aws_redshift_endpoint_authorization: create, update vpc_ids (add, then remove), and destroy with force_delete", async () => {
    await using w = await endpointWorld({ delays: REALISTIC });
    const redshift = w.grantor.redshift;
    const vpc1 = w.granteeNet.vpcId;
    const vpc2 = "vpc-0a1b2c3d4e5f60718";

    // Create: AuthorizeEndpointAccess, no waiter; ID = "<account>:<cluster>" from the response.
    const created = await redshift.send(new AuthorizeEndpointAccessCommand({ Account: GRANTEE, ClusterIdentifier: w.cluster, VpcIds: [vpc1] }));
    const id = `${created.Grantee}:${created.ClusterIdentifier}`;
    assert.equal(id, `${GRANTEE}:${w.cluster}`);
    let state = await readAuthorization(redshift, GRANTEE, w.cluster);
    assert.deepEqual(state?.AllowedVPCs, [vpc1]);
    assert.equal(state?.AllowedAllVPCs, false);
    assert.equal(state?.Grantor, GRANTOR);

    // Update 1 → 2 VPCs: only the added one goes to AuthorizeEndpointAccess, on the existing grant.
    const before = new Set(state?.AllowedVPCs);
    const wanted = [vpc1, vpc2];
    const added = wanted.filter((v) => !before.has(v));
    assert.deepEqual(added, [vpc2]);
    await redshift.send(new AuthorizeEndpointAccessCommand({ Account: GRANTEE, ClusterIdentifier: w.cluster, VpcIds: added }));
    state = await readAuthorization(redshift, GRANTEE, w.cluster);
    assert.deepEqual(new Set(state?.AllowedVPCs), new Set(wanted));
    assert.equal(state?.Status, "Authorized");

    // The grantee builds an endpoint in vpc1 meanwhile (so the destroy has something to force).
    await w.grantee.redshift.send(
      new CreateEndpointAccessCommand({ EndpointName: "tf-endpoint", ClusterIdentifier: w.cluster, ResourceOwner: GRANTOR, SubnetGroupName: w.granteeNet.subnetGroupName }),
    );
    await waitFor(w.clock, async () => (await readEndpoint(w.grantee.redshift, "tf-endpoint"))?.EndpointStatus, ["creating", "modifying"], "active");
    assert.equal((await readAuthorization(redshift, GRANTEE, w.cluster))?.EndpointCount, 1);

    // Update 2 → 1 VPCs: only the removed one goes to RevokeEndpointAccess.
    const removed = [vpc1, vpc2].filter((v) => v !== vpc1);
    await redshift.send(new RevokeEndpointAccessCommand({ Account: GRANTEE, ClusterIdentifier: w.cluster, VpcIds: removed }));
    state = await readAuthorization(redshift, GRANTEE, w.cluster);
    assert.deepEqual(state?.AllowedVPCs, [vpc1]);
    assert.equal(state?.AllowedAllVPCs, false);
    assert.equal(state?.EndpointCount, 1, "the endpoint in the kept VPC is untouched");

    // Destroy with force_delete = true: RevokeEndpointAccess(Force), no wait. While the grantee's
    // endpoint is deleting the grant reads Revoking; once it is gone, the read finds nothing.
    const revoked = await redshift.send(new RevokeEndpointAccessCommand({ Account: GRANTEE, ClusterIdentifier: w.cluster, Force: true }));
    assert.equal(revoked.Status, "Revoking");
    assert.equal((await readAuthorization(redshift, GRANTEE, w.cluster))?.Status, "Revoking");
    assert.equal((await readEndpoint(w.grantee.redshift, "tf-endpoint"))?.EndpointStatus, "deleting");
    w.clock.advance(60_000);
    assert.equal(await readAuthorization(redshift, GRANTEE, w.cluster), undefined);
    assert.equal(await readEndpoint(w.grantee.redshift, "tf-endpoint"), undefined);
    // A second destroy (refresh after an out-of-band revoke) tolerates EndpointAuthorizationNotFound.
    const again = await redshift.send(new RevokeEndpointAccessCommand({ Account: GRANTEE, ClusterIdentifier: w.cluster, Force: true })).catch((e: unknown) => e);
    assert.ok(again instanceof EndpointAuthorizationNotFoundFault, `got ${String(again)}`);
  });

  it("aws_redshift_endpoint_authorization: destroy without endpoints reads as gone immediately (CheckDestroy)", async () => {
    await using w = await endpointWorld({ delays: REALISTIC });
    await w.grantor.redshift.send(new AuthorizeEndpointAccessCommand({ Account: GRANTEE, ClusterIdentifier: w.cluster }));
    const state = await readAuthorization(w.grantor.redshift, GRANTEE, w.cluster);
    assert.equal(state?.AllowedAllVPCs, true);
    await w.grantor.redshift.send(new RevokeEndpointAccessCommand({ Account: GRANTEE, ClusterIdentifier: w.cluster, Force: false }));
    assert.equal(await readAuthorization(w.grantor.redshift, GRANTEE, w.cluster), undefined);
  });

  it("aws_redshift_endpoint_access: create and wait for active, update security groups and wait again, destroy and wait for EndpointNotFound", async () => {
    await using w = await endpointWorld({ delays: REALISTIC });
    await w.grantor.redshift.send(new AuthorizeEndpointAccessCommand({ Account: GRANTEE, ClusterIdentifier: w.cluster, VpcIds: [w.granteeNet.vpcId] }));
    const client = w.grantee.redshift;

    const created = await client.send(
      new CreateEndpointAccessCommand({ EndpointName: "tf-endpoint", ClusterIdentifier: w.cluster, ResourceOwner: GRANTOR, SubnetGroupName: w.granteeNet.subnetGroupName }),
    );
    assert.equal(created.EndpointStatus, "creating");
    // Realistic endpoint creation takes 5 minutes: 30 s delay + 27 polls of 10 s.
    const create = await waitFor(w.clock, async () => (await readEndpoint(client, "tf-endpoint"))?.EndpointStatus, ["creating", "modifying"], "active");
    assert.ok(create.polls > 1, "the waiter saw `creating` first");
    assert.ok(create.waited >= 300_000 && create.waited < 300_000 + TF_POLL);

    // Read maps every attribute Terraform stores.
    const read = (await readEndpoint(client, "tf-endpoint"))!;
    assert.equal(read.SubnetGroupName, w.granteeNet.subnetGroupName);
    assert.equal(read.ResourceOwner, GRANTOR);
    assert.equal(read.ClusterIdentifier, w.cluster);
    assert.ok(read.Port);
    assert.ok(read.Address);
    assert.deepEqual(read.VpcSecurityGroups?.map((g) => g.VpcSecurityGroupId), [w.granteeNet.defaultSgId], "vpc_security_group_ids is computed");
    assert.equal(read.VpcEndpoint?.VpcId, w.granteeNet.vpcId);
    assert.ok(read.VpcEndpoint?.VpcEndpointId);
    assert.equal(read.VpcEndpoint?.NetworkInterfaces?.length, 1);

    // Update vpc_security_group_ids: ModifyEndpointAccess, then the same waiter.
    const modified = await client.send(new ModifyEndpointAccessCommand({ EndpointName: "tf-endpoint", VpcSecurityGroupIds: [w.granteeNet.sgId] }));
    assert.equal(modified.EndpointStatus, "modifying");
    await waitFor(w.clock, async () => (await readEndpoint(client, "tf-endpoint"))?.EndpointStatus, ["creating", "modifying"], "active");
    assert.deepEqual((await readEndpoint(client, "tf-endpoint"))?.VpcSecurityGroups?.map((g) => g.VpcSecurityGroupId), [w.granteeNet.sgId]);

    // Destroy: DeleteEndpointAccess, then wait with pending `deleting` until Describe raises EndpointNotFound.
    const deleted = await client.send(new DeleteEndpointAccessCommand({ EndpointName: "tf-endpoint" }));
    assert.equal(deleted.EndpointStatus, "deleting");
    const gone = await waitFor(w.clock, async () => (await readEndpoint(client, "tf-endpoint"))?.EndpointStatus, ["deleting"], undefined);
    assert.ok(gone.polls >= 1);
    assert.equal((await readAuthorization(w.grantor.redshift, GRANTEE, w.cluster))?.EndpointCount, 0);
    // A second delete (resource already gone) gets EndpointNotFound, which Terraform treats as success.
    const again = await client.send(new DeleteEndpointAccessCommand({ EndpointName: "tf-endpoint" })).catch((e: unknown) => e);
    assert.ok(again instanceof EndpointNotFoundFault, `got ${String(again)}`);
  });
});
