import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  ClusterNotFoundFault,
  DescribeEndpointAccessCommand,
  DescribeEndpointAuthorizationCommand,
  EndpointAuthorizationNotFoundFault,
  InvalidAuthorizationStateFault,
  InvalidEndpointStateFault,
  ModifyEndpointAccessCommand,
  PauseClusterCommand,
  RevokeEndpointAccessCommand,
  type RevokeEndpointAccessCommandInput,
} from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, STRANGER, expectAwsError } from "../helpers.js";
import { endpointWorld, grant, granteeEndpoint, type World } from "../fixtures/endpoint-world.js";

const revoke = (w: World, input: Partial<RevokeEndpointAccessCommandInput>) =>
  w.grantor.redshift.send(new RevokeEndpointAccessCommand({ ClusterIdentifier: w.cluster, Account: GRANTEE, ...input }));

async function grantsOf(w: World) {
  const out = await w.grantor.redshift.send(new DescribeEndpointAuthorizationCommand({ ClusterIdentifier: w.cluster }));
  return out.EndpointAuthorizationList ?? [];
}

async function granteeEndpoints(w: World) {
  return (await w.grantee.redshift.send(new DescribeEndpointAccessCommand({}))).EndpointAccessList ?? [];
}

describe("RevokeEndpointAccess", () => {
  describe("validation", () => {
    it("RevokeEndpointAccess: ClusterIdentifier and Account are required (MissingParameter)", async () => {
      await using w = await endpointWorld();
      await expectAwsError(w.grantor.redshift.send(new RevokeEndpointAccessCommand({ Account: GRANTEE })), "MissingParameter", 400);
      await expectAwsError(w.grantor.redshift.send(new RevokeEndpointAccessCommand({ ClusterIdentifier: w.cluster })), "MissingParameter", 400);
    });

    it("RevokeEndpointAccess: a malformed Account or VPC id is InvalidParameterValue", async () => {
      await using w = await endpointWorld();
      await expectAwsError(revoke(w, { Account: "22222" }), "InvalidParameterValue", 400);
      await expectAwsError(revoke(w, { VpcIds: ["sg-0a1b2c3d"] }), "InvalidParameterValue", 400);
    });
  });

  describe("behaviour", () => {
    it("RevokeEndpointAccess: a full revoke without endpoints answers Revoking and the grant is gone at once", async () => {
      await using w = await endpointWorld();
      await grant(w);
      const out = await revoke(w, {});
      assert.equal(out.Status, "Revoking");
      assert.equal(out.Grantor, GRANTOR);
      assert.equal(out.Grantee, GRANTEE);
      assert.equal(out.ClusterStatus, "available");
      assert.deepEqual(await grantsOf(w), []);
      // And it can be granted afresh.
      const again = await w.grantor.redshift.send(new DescribeEndpointAuthorizationCommand({ Grantee: true }));
      assert.deepEqual(again.EndpointAuthorizationList ?? [], []);
      await grant(w);
      assert.equal((await grantsOf(w)).length, 1);
      // An explicitly empty list (`VpcIds=`) is a full revoke too.
      assert.equal((await revoke(w, { VpcIds: [] })).Status, "Revoking");
      assert.deepEqual(await grantsOf(w), []);
    });

    it("RevokeEndpointAccess: a partial revoke removes only those VPCs and the grant stays Authorized", async () => {
      await using w = await endpointWorld();
      await grant(w, ["vpc-0a1b2c3d", "vpc-1b2c3d4e", "vpc-2c3d4e5f"]);
      const out = await revoke(w, { VpcIds: ["vpc-1b2c3d4e"] });
      assert.equal(out.Status, "Authorized");
      assert.equal(out.AllowedAllVPCs, false);
      assert.deepEqual(out.AllowedVPCs, ["vpc-0a1b2c3d", "vpc-2c3d4e5f"]);
      const [listed] = await grantsOf(w);
      assert.deepEqual(listed?.AllowedVPCs, ["vpc-0a1b2c3d", "vpc-2c3d4e5f"]);
      assert.equal(listed?.Status, "Authorized");
    });

    it("RevokeEndpointAccess: removing the last VPC is a full revoke, never a widening to all VPCs", async () => {
      await using w = await endpointWorld();
      await grant(w, ["vpc-0a1b2c3d"]);
      const out = await revoke(w, { VpcIds: ["vpc-0a1b2c3d"] });
      assert.equal(out.Status, "Revoking");
      assert.equal(out.AllowedAllVPCs, false);
      assert.deepEqual(await grantsOf(w), []);
    });

    it("RevokeEndpointAccess: Force deletes the grantee's endpoints; the grant stays Revoking until they are gone", async () => {
      await using w = await endpointWorld({ delays: { "endpoint-delete": 60_000 } });
      await grant(w);
      await granteeEndpoint(w, "bi-one");
      await granteeEndpoint(w, "bi-two");
      w.settle();
      const out = await revoke(w, { Force: true });
      assert.equal(out.Status, "Revoking");
      assert.equal(out.EndpointCount, 2, "the count drops only as endpoints are finally gone");
      const endpoints = await granteeEndpoints(w);
      assert.deepEqual(endpoints.map((e) => e.EndpointStatus), ["deleting", "deleting"]);
      const [revoking] = await grantsOf(w);
      assert.equal(revoking?.Status, "Revoking");
      w.clock.advance(60_000);
      assert.deepEqual(await grantsOf(w), []);
      assert.deepEqual(await granteeEndpoints(w), []);
    });

    it("RevokeEndpointAccess: with zero delays a forced revoke is settled by the next request", async () => {
      await using w = await endpointWorld();
      await grant(w);
      await granteeEndpoint(w, "bi");
      const out = await revoke(w, { Force: true });
      assert.equal(out.Status, "Revoking");
      assert.deepEqual(await grantsOf(w), []);
      assert.deepEqual(await granteeEndpoints(w), []);
    });

    it("RevokeEndpointAccess: a forced partial revoke deletes only the endpoints in the revoked VPCs", async () => {
      await using w = await endpointWorld({ delays: { "endpoint-delete": 60_000 } });
      await grant(w, [w.granteeNet.vpcId, "vpc-0a1b2c3d"]);
      await granteeEndpoint(w, "bi");
      w.settle();
      // Revoking a VPC without endpoints needs no Force and touches nothing.
      const kept = await revoke(w, { VpcIds: ["vpc-0a1b2c3d"] });
      assert.deepEqual(kept.AllowedVPCs, [w.granteeNet.vpcId]);
      assert.equal((await granteeEndpoints(w))[0]?.EndpointStatus, "active");
      await grant(w, ["vpc-0a1b2c3d"]);
      const out = await revoke(w, { VpcIds: [w.granteeNet.vpcId], Force: true });
      assert.equal(out.Status, "Authorized");
      assert.deepEqual(out.AllowedVPCs, ["vpc-0a1b2c3d"]);
      assert.equal((await granteeEndpoints(w))[0]?.EndpointStatus, "deleting");
      w.clock.advance(60_000);
      assert.deepEqual(await granteeEndpoints(w), []);
      const [after] = await grantsOf(w);
      assert.equal(after?.Status, "Authorized");
      assert.equal(after?.EndpointCount, 0);
    });
  });

  describe("errors, in the documented order (docs/differences-from-aws.md)", () => {
    it("RevokeEndpointAccess: an unknown cluster is ClusterNotFound (404), even for a grantee naming the grantor's cluster", async () => {
      await using w = await endpointWorld();
      await grant(w);
      const err = await w.grantor.redshift.send(new RevokeEndpointAccessCommand({ ClusterIdentifier: "nope", Account: GRANTEE })).catch((e: unknown) => e);
      assert.ok(err instanceof ClusterNotFoundFault, `got ${String(err)}`);
      await expectAwsError(
        w.grantee.redshift.send(new RevokeEndpointAccessCommand({ ClusterIdentifier: w.cluster, Account: GRANTEE })),
        "ClusterNotFoundFault",
        404,
      );
    });

    it("RevokeEndpointAccess: no grant for the account is EndpointAuthorizationNotFound (404)", async () => {
      await using w = await endpointWorld();
      await grant(w);
      const err = await revoke(w, { Account: STRANGER }).catch((e: unknown) => e);
      assert.ok(err instanceof EndpointAuthorizationNotFoundFault, `got ${String(err)}`);
      assert.equal(err.$metadata.httpStatusCode, 404);
    });

    it("RevokeEndpointAccess: a grant already Revoking is InvalidAuthorizationState", async () => {
      await using w = await endpointWorld({ delays: { "endpoint-delete": 60_000 } });
      await grant(w);
      await granteeEndpoint(w, "bi");
      w.settle();
      await revoke(w, { Force: true });
      const err = await revoke(w, { Force: true }).catch((e: unknown) => e);
      assert.ok(err instanceof InvalidAuthorizationStateFault, `got ${String(err)}`);
      assert.equal(err.$metadata.httpStatusCode, 400);
    });

    it("RevokeEndpointAccess: a cluster that is not available is InvalidClusterState", async () => {
      await using w = await endpointWorld();
      await grant(w);
      await w.grantor.redshift.send(new PauseClusterCommand({ ClusterIdentifier: w.cluster }));
      await expectAwsError(revoke(w, {}), "InvalidClusterStateFault", 400);
    });

    it("RevokeEndpointAccess: VPC ids against an all-VPCs grant are InvalidAuthorizationState", async () => {
      await using w = await endpointWorld();
      await grant(w);
      await expectAwsError(revoke(w, { VpcIds: ["vpc-0a1b2c3d"] }), "InvalidAuthorizationStateFault", 400);
      assert.equal((await grantsOf(w))[0]?.AllowedAllVPCs, true);
    });

    it("RevokeEndpointAccess: a VPC that the grant does not allow is EndpointAuthorizationNotFound", async () => {
      await using w = await endpointWorld();
      await grant(w, ["vpc-0a1b2c3d"]);
      await expectAwsError(revoke(w, { VpcIds: ["vpc-0a1b2c3d", "vpc-1b2c3d4e"] }), "EndpointAuthorizationNotFoundFault", 404);
      assert.deepEqual((await grantsOf(w))[0]?.AllowedVPCs, ["vpc-0a1b2c3d"], "nothing was removed");
    });

    it("RevokeEndpointAccess: endpoints under the grant without Force are InvalidAuthorizationState", async () => {
      await using w = await endpointWorld();
      await grant(w, [w.granteeNet.vpcId]);
      await granteeEndpoint(w, "bi");
      await expectAwsError(revoke(w, {}), "InvalidAuthorizationStateFault", 400);
      await expectAwsError(revoke(w, { VpcIds: [w.granteeNet.vpcId], Force: false }), "InvalidAuthorizationStateFault", 400);
      assert.equal((await granteeEndpoints(w)).length, 1);
      assert.equal((await grantsOf(w))[0]?.Status, "Authorized");
    });

    it("RevokeEndpointAccess: Force while an endpoint is still creating is InvalidEndpointState", async () => {
      await using w = await endpointWorld({ delays: { "endpoint-create": 300_000 } });
      await grant(w);
      await granteeEndpoint(w, "bi");
      const err = await revoke(w, { Force: true }).catch((e: unknown) => e);
      assert.ok(err instanceof InvalidEndpointStateFault, `got ${String(err)}`);
      assert.equal(err.$metadata.httpStatusCode, 400);
      assert.equal((await grantsOf(w))[0]?.Status, "Authorized", "nothing changed");
      assert.equal((await granteeEndpoints(w))[0]?.EndpointStatus, "creating");
    });

    it("RevokeEndpointAccess: Force while an endpoint is modifying is InvalidEndpointState", async () => {
      await using w = await endpointWorld({ delays: { "endpoint-modify": 60_000 } });
      await grant(w);
      await granteeEndpoint(w, "bi");
      w.settle();
      await w.grantee.redshift.send(new ModifyEndpointAccessCommand({ EndpointName: "bi", VpcSecurityGroupIds: [w.granteeNet.sgId] }));
      await expectAwsError(revoke(w, { Force: true }), "InvalidEndpointStateFault", 400);
      assert.equal((await grantsOf(w))[0]?.Status, "Authorized", "nothing changed");
    });
  });

  // Each request breaks two rows of the table in docs/differences-from-aws.md at once and must get the
  // earlier row's error.
  describe("check order (two rows broken at once, the earlier wins)", () => {
    it("RevokeEndpointAccess: a malformed Account (#1) wins over an unknown cluster (#2)", async () => {
      await using w = await endpointWorld();
      await expectAwsError(revoke(w, { ClusterIdentifier: "nope", Account: "22" }), "InvalidParameterValue", 400);
    });

    it("RevokeEndpointAccess: no grant (#3) and a Revoking grant (#4) win over a cluster that is not available (#5)", async () => {
      await using w = await endpointWorld({ delays: { "endpoint-delete": 60_000 } });
      await grant(w);
      await granteeEndpoint(w, "bi");
      w.settle();
      await revoke(w, { Force: true });
      await w.grantor.redshift.send(new PauseClusterCommand({ ClusterIdentifier: w.cluster }));
      await expectAwsError(revoke(w, { Account: STRANGER }), "EndpointAuthorizationNotFoundFault", 404);
      await expectAwsError(revoke(w, { Force: true }), "InvalidAuthorizationStateFault", 400);
    });

    it("RevokeEndpointAccess: a cluster that is not available (#5) wins over VPC ids on an all-VPCs grant (#6) and endpoints without Force (#8)", async () => {
      await using w = await endpointWorld();
      await grant(w);
      await granteeEndpoint(w, "bi");
      w.settle();
      await w.grantor.redshift.send(new PauseClusterCommand({ ClusterIdentifier: w.cluster }));
      await expectAwsError(revoke(w, { VpcIds: ["vpc-0a1b2c3d"] }), "InvalidClusterStateFault", 400);
      await expectAwsError(revoke(w, {}), "InvalidClusterStateFault", 400);
    });

    it("RevokeEndpointAccess: a VPC the grant does not allow (#7) wins over endpoints without Force (#8)", async () => {
      await using w = await endpointWorld();
      await grant(w, [w.granteeNet.vpcId]);
      await granteeEndpoint(w, "bi");
      w.settle();
      await expectAwsError(revoke(w, { VpcIds: [w.granteeNet.vpcId, "vpc-0a1b2c3d"] }), "EndpointAuthorizationNotFoundFault", 404);
    });

    it("RevokeEndpointAccess: without Force an endpoint still creating is #8 (InvalidAuthorizationState); #9 applies only with Force", async () => {
      await using w = await endpointWorld({ delays: { "endpoint-create": 300_000 } });
      await grant(w);
      await granteeEndpoint(w, "bi");
      await expectAwsError(revoke(w, {}), "InvalidAuthorizationStateFault", 400);
    });
  });
});
