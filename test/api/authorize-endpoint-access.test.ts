import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AuthorizeEndpointAccessCommand,
  ClusterNotFoundFault,
  DescribeEndpointAuthorizationCommand,
  EndpointAuthorizationAlreadyExistsFault,
  EndpointAuthorizationsPerClusterLimitExceededFault,
  InvalidAuthorizationStateFault,
  InvalidClusterStateFault,
  PauseClusterCommand,
  RevokeEndpointAccessCommand,
  UnsupportedOperationFault,
} from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, STRANGER, expectAwsError, rawPost } from "../helpers.js";
import { START, createCluster, endpointWorld, grant, granteeEndpoint } from "../fixtures/endpoint-world.js";

const authorize = (input: { ClusterIdentifier?: string; Account?: string; VpcIds?: string[] }) => new AuthorizeEndpointAccessCommand(input as never);

describe("AuthorizeEndpointAccess", () => {
  describe("validation", () => {
    it("AuthorizeEndpointAccess: refuses a missing Account with MissingParameter", async () => {
      await using w = await endpointWorld();
      const err = await expectAwsError(w.grantor.redshift.send(authorize({ ClusterIdentifier: w.cluster })), "MissingParameter", 400);
      assert.match(err.message, /Account/);
    });

    it("AuthorizeEndpointAccess: refuses a missing ClusterIdentifier with MissingParameter", async () => {
      await using w = await endpointWorld();
      const err = await expectAwsError(w.grantor.redshift.send(authorize({ Account: GRANTEE })), "MissingParameter", 400);
      assert.match(err.message, /ClusterIdentifier/);
    });

    it("AuthorizeEndpointAccess: refuses an Account that is not 12 digits", async () => {
      await using w = await endpointWorld();
      for (const account of ["12345", "2222222222222", "abcdefghijkl"]) {
        const err = await expectAwsError(w.grantor.redshift.send(authorize({ ClusterIdentifier: w.cluster, Account: account })), "InvalidParameterValue", 400);
        assert.match(err.message, /Account/);
      }
    });

    it("AuthorizeEndpointAccess: refuses a VPC id that is not vpc-…", async () => {
      await using w = await endpointWorld();
      const err = await expectAwsError(
        w.grantor.redshift.send(authorize({ ClusterIdentifier: w.cluster, Account: GRANTEE, VpcIds: ["vpc-0a1b2c3d", "subnet-0a1b2c3d"] })),
        "InvalidParameterValue",
        400,
      );
      assert.match(err.message, /VpcIds/);
    });

    it("AuthorizeEndpointAccess: parameter errors come before the cluster lookup", async () => {
      await using w = await endpointWorld();
      await expectAwsError(w.grantor.redshift.send(authorize({ ClusterIdentifier: "nope", Account: "1" })), "InvalidParameterValue", 400);
    });
  });

  describe("behaviour", () => {
    it("AuthorizeEndpointAccess: a new grant without VpcIds allows all VPCs and starts Authorized with no endpoints", async () => {
      await using w = await endpointWorld();
      const out = await w.grantor.redshift.send(authorize({ ClusterIdentifier: w.cluster, Account: GRANTEE }));
      assert.equal(out.Grantor, GRANTOR);
      assert.equal(out.Grantee, GRANTEE);
      assert.equal(out.ClusterIdentifier, w.cluster);
      assert.equal(out.Status, "Authorized");
      assert.equal(out.ClusterStatus, "available");
      assert.equal(out.AllowedAllVPCs, true);
      assert.deepEqual(out.AllowedVPCs ?? [], []);
      assert.equal(out.EndpointCount, 0);
      assert.ok(out.AuthorizeTime instanceof Date);
      assert.ok(out.AuthorizeTime.getTime() > START, "AuthorizeTime is the (advanced) clock's time");
      assert.equal(out.AuthorizeTime.getTime(), w.clock.now());
    });

    it("AuthorizeEndpointAccess: an explicitly empty VpcIds list (VpcIds=) means all VPCs", async () => {
      await using w = await endpointWorld();
      const out = await w.grantor.redshift.send(authorize({ ClusterIdentifier: w.cluster, Account: GRANTEE, VpcIds: [] }));
      assert.equal(out.AllowedAllVPCs, true);
      assert.deepEqual(out.AllowedVPCs ?? [], []);
    });

    it("AuthorizeEndpointAccess: specific VPCs are kept in order, duplicates collapse, and they need not exist", async () => {
      await using w = await endpointWorld();
      const out = await w.grantor.redshift.send(
        authorize({ ClusterIdentifier: w.cluster, Account: GRANTEE, VpcIds: ["vpc-0a1b2c3d", "vpc-0a1b2c3d", "vpc-0123456789abcdef0"] }),
      );
      assert.equal(out.AllowedAllVPCs, false);
      assert.deepEqual(out.AllowedVPCs, ["vpc-0a1b2c3d", "vpc-0123456789abcdef0"]);
    });

    it("AuthorizeEndpointAccess: adds new VPCs to an existing grant (union) and keeps its AuthorizeTime", async () => {
      await using w = await endpointWorld();
      const first = await w.grantor.redshift.send(authorize({ ClusterIdentifier: w.cluster, Account: GRANTEE, VpcIds: ["vpc-0a1b2c3d"] }));
      w.clock.advance(60_000);
      const second = await w.grantor.redshift.send(authorize({ ClusterIdentifier: w.cluster, Account: GRANTEE, VpcIds: ["vpc-1b2c3d4e", "vpc-1b2c3d4e"] }));
      assert.deepEqual(second.AllowedVPCs, ["vpc-0a1b2c3d", "vpc-1b2c3d4e"]);
      assert.equal(second.AllowedAllVPCs, false);
      assert.equal(second.AuthorizeTime?.getTime(), first.AuthorizeTime?.getTime());
      const listed = await w.grantor.redshift.send(new DescribeEndpointAuthorizationCommand({ ClusterIdentifier: w.cluster, Account: GRANTEE }));
      assert.equal(listed.EndpointAuthorizationList?.length, 1);
      assert.deepEqual(listed.EndpointAuthorizationList?.[0]?.AllowedVPCs, ["vpc-0a1b2c3d", "vpc-1b2c3d4e"]);
    });

    it("AuthorizeEndpointAccess: a call without VpcIds widens a specific-VPC grant to all VPCs", async () => {
      await using w = await endpointWorld();
      await grant(w, ["vpc-0a1b2c3d"]);
      const out = await w.grantor.redshift.send(authorize({ ClusterIdentifier: w.cluster, Account: GRANTEE, VpcIds: [] }));
      assert.equal(out.AllowedAllVPCs, true);
      assert.deepEqual(out.AllowedVPCs ?? [], []);
    });

    it("AuthorizeEndpointAccess: the cluster identifier is case-insensitive", async () => {
      await using w = await endpointWorld();
      const out = await w.grantor.redshift.send(authorize({ ClusterIdentifier: "ANALYTICS", Account: GRANTEE }));
      assert.equal(out.ClusterIdentifier, "analytics");
    });

    it("AuthorizeEndpointAccess: the XML answer names list items VpcIdentifier inside the result wrapper", async () => {
      // Unsigned requests are served as the default account, here the grantor.
      await using w = await endpointWorld({ defaultAccount: GRANTOR });
      const res = await rawPost(
        w.rs.url,
        `Action=AuthorizeEndpointAccess&Version=2012-12-01&ClusterIdentifier=${w.cluster}&Account=${GRANTEE}&VpcIds.VpcIdentifier.1=vpc-0a1b2c3d`,
      );
      assert.equal(res.status, 200, res.text);
      assert.match(res.text, /<AuthorizeEndpointAccessResult>.*<AllowedVPCs><VpcIdentifier>vpc-0a1b2c3d<\/VpcIdentifier><\/AllowedVPCs>.*<\/AuthorizeEndpointAccessResult>/s);
      assert.match(res.text, /<AllowedAllVPCs>false<\/AllowedAllVPCs>/);
    });
  });

  describe("errors, in the documented order (docs/differences-from-aws.md)", () => {
    it("AuthorizeEndpointAccess: an unknown cluster is ClusterNotFound (404)", async () => {
      await using w = await endpointWorld();
      try {
        await w.grantor.redshift.send(authorize({ ClusterIdentifier: "nope", Account: GRANTEE }));
        assert.fail("expected ClusterNotFoundFault");
      } catch (err) {
        assert.ok(err instanceof ClusterNotFoundFault, `got ${String(err)}`);
        assert.equal(err.$metadata.httpStatusCode, 404);
        assert.match(err.message, /nope/);
      }
    });

    it("AuthorizeEndpointAccess: another account's cluster is not found from the caller's account", async () => {
      await using w = await endpointWorld();
      await expectAwsError(w.grantee.redshift.send(authorize({ ClusterIdentifier: w.cluster, Account: STRANGER })), "ClusterNotFoundFault", 404);
      await expectAwsError(w.stranger.redshift.send(authorize({ ClusterIdentifier: w.cluster, Account: GRANTEE })), "ClusterNotFoundFault", 404);
    });

    it("AuthorizeEndpointAccess: a cluster that is not available is InvalidClusterState, before eligibility", async () => {
      await using w = await endpointWorld({ delays: { "cluster-create": 120_000 } });
      await createCluster(w.grantor, "fresh", { NodeType: "dc2.large", AvailabilityZoneRelocation: undefined });
      const err = await w.grantor.redshift.send(authorize({ ClusterIdentifier: "fresh", Account: GRANTEE })).catch((e: unknown) => e);
      assert.ok(err instanceof InvalidClusterStateFault, `got ${String(err)}`);
      assert.equal(err.$metadata.httpStatusCode, 400);
    });

    it("AuthorizeEndpointAccess: a paused cluster is InvalidClusterState", async () => {
      await using w = await endpointWorld();
      await w.grantor.redshift.send(new PauseClusterCommand({ ClusterIdentifier: w.cluster }));
      await expectAwsError(w.grantor.redshift.send(authorize({ ClusterIdentifier: w.cluster, Account: GRANTEE })), "InvalidClusterStateFault", 400);
    });

    it("AuthorizeEndpointAccess: a non-RA3 cluster is UnsupportedOperation", async () => {
      await using w = await endpointWorld();
      await createCluster(w.grantor, "old", { NodeType: "dc2.large", AvailabilityZoneRelocation: undefined });
      w.settle();
      const err = await w.grantor.redshift.send(authorize({ ClusterIdentifier: "old", Account: GRANTEE })).catch((e: unknown) => e);
      assert.ok(err instanceof UnsupportedOperationFault, `got ${String(err)}`);
      assert.equal(err.$metadata.httpStatusCode, 400);
    });

    it("AuthorizeEndpointAccess: an RA3 cluster without relocation or Multi-AZ is UnsupportedOperation", async () => {
      await using w = await endpointWorld();
      await createCluster(w.grantor, "pinned", { AvailabilityZoneRelocation: false, ClusterSubnetGroupName: w.grantorNet.subnetGroupName });
      w.settle();
      await expectAwsError(w.grantor.redshift.send(authorize({ ClusterIdentifier: "pinned", Account: GRANTEE })), "UnsupportedOperationFault", 400);
    });

    it("AuthorizeEndpointAccess: granting to the cluster owner's own account is UnsupportedOperation", async () => {
      await using w = await endpointWorld();
      await expectAwsError(w.grantor.redshift.send(authorize({ ClusterIdentifier: w.cluster, Account: GRANTOR })), "UnsupportedOperationFault", 400);
    });

    it("AuthorizeEndpointAccess: a grant that is being revoked is InvalidAuthorizationState", async () => {
      await using w = await endpointWorld({ delays: { "endpoint-delete": 60_000 } });
      await grant(w);
      await granteeEndpoint(w, "bi");
      w.settle();
      const revoked = await w.grantor.redshift.send(new RevokeEndpointAccessCommand({ ClusterIdentifier: w.cluster, Account: GRANTEE, Force: true }));
      assert.equal(revoked.Status, "Revoking");
      const err = await w.grantor.redshift.send(authorize({ ClusterIdentifier: w.cluster, Account: GRANTEE })).catch((e: unknown) => e);
      assert.ok(err instanceof InvalidAuthorizationStateFault, `got ${String(err)}`);
      await expectAwsError(w.grantor.redshift.send(authorize({ ClusterIdentifier: w.cluster, Account: GRANTEE, VpcIds: ["vpc-0a1b2c3d"] })), "InvalidAuthorizationStateFault", 400);
    });

    it("AuthorizeEndpointAccess: narrowing an all-VPCs grant to specific VPCs is UnsupportedOperation", async () => {
      await using w = await endpointWorld();
      await grant(w);
      await expectAwsError(
        w.grantor.redshift.send(authorize({ ClusterIdentifier: w.cluster, Account: GRANTEE, VpcIds: ["vpc-0a1b2c3d"] })),
        "UnsupportedOperationFault",
        400,
      );
    });

    it("AuthorizeEndpointAccess: repeating an all-VPCs grant is EndpointAuthorizationAlreadyExists", async () => {
      await using w = await endpointWorld();
      await grant(w);
      const err = await w.grantor.redshift.send(authorize({ ClusterIdentifier: w.cluster, Account: GRANTEE })).catch((e: unknown) => e);
      assert.ok(err instanceof EndpointAuthorizationAlreadyExistsFault, `got ${String(err)}`);
      assert.equal(err.$metadata.httpStatusCode, 400);
    });

    it("AuthorizeEndpointAccess: re-sending an already allowed VPC is EndpointAuthorizationAlreadyExists and changes nothing", async () => {
      await using w = await endpointWorld();
      await grant(w, ["vpc-0a1b2c3d"]);
      await expectAwsError(
        w.grantor.redshift.send(authorize({ ClusterIdentifier: w.cluster, Account: GRANTEE, VpcIds: ["vpc-1b2c3d4e", "vpc-0a1b2c3d"] })),
        "EndpointAuthorizationAlreadyExistsFault",
        400,
      );
      const listed = await w.grantor.redshift.send(new DescribeEndpointAuthorizationCommand({ ClusterIdentifier: w.cluster, Account: GRANTEE }));
      assert.deepEqual(listed.EndpointAuthorizationList?.[0]?.AllowedVPCs, ["vpc-0a1b2c3d"]);
    });

    it("AuthorizeEndpointAccess: a sixth grantee on one cluster is EndpointAuthorizationsPerClusterLimitExceeded", async () => {
      await using w = await endpointWorld();
      for (let i = 1; i <= 5; i++) await grant(w, ["vpc-0a1b2c3d"], `44445555000${i}`);
      const err = await w.grantor.redshift.send(authorize({ ClusterIdentifier: w.cluster, Account: GRANTEE })).catch((e: unknown) => e);
      assert.ok(err instanceof EndpointAuthorizationsPerClusterLimitExceededFault, `got ${String(err)}`);
      assert.equal(err.$metadata.httpStatusCode, 400);
      // Adding VPCs to an existing grant is not a new grant: the quota does not apply.
      await grant(w, ["vpc-1b2c3d4e"], "444455550001");
    });

    it("AuthorizeEndpointAccess: the grants-per-cluster quota follows --quota", async () => {
      await using w = await endpointWorld({ quotas: { "grants-per-cluster": 1 } });
      await grant(w, ["vpc-0a1b2c3d"]);
      await expectAwsError(
        w.grantor.redshift.send(authorize({ ClusterIdentifier: w.cluster, Account: STRANGER })),
        "EndpointAuthorizationsPerClusterLimitExceededFault",
        400,
      );
      const widened = await w.grantor.redshift.send(authorize({ ClusterIdentifier: w.cluster, Account: GRANTEE, VpcIds: ["vpc-1b2c3d4e"] }));
      assert.deepEqual(widened.AllowedVPCs, ["vpc-0a1b2c3d", "vpc-1b2c3d4e"]);
    });
  });

  // Each request breaks two rows of the table in docs/differences-from-aws.md at once and must get the
  // earlier row's error.
  // (#4 cannot meet #6–#9: a cluster with grants cannot be made ineligible; #5 excludes any grant.)
  describe("check order (two rows broken at once, the earlier wins)", () => {
    it("AuthorizeEndpointAccess: an ineligible cluster (#4) wins over granting to the owner's own account (#5)", async () => {
      await using w = await endpointWorld();
      await createCluster(w.grantor, "old", { NodeType: "dc2.large", AvailabilityZoneRelocation: undefined });
      w.settle();
      const err = await expectAwsError(w.grantor.redshift.send(authorize({ ClusterIdentifier: "old", Account: GRANTOR })), "UnsupportedOperationFault", 400);
      assert.match(err.message, /RA3/, "the eligibility refusal, not the own-account one");
    });

    it("AuthorizeEndpointAccess: a cluster that is not available (#3) wins over the own account (#5) and a full quota (#9)", async () => {
      await using w = await endpointWorld({ quotas: { "grants-per-cluster": 1 } });
      await grant(w);
      await w.grantor.redshift.send(new PauseClusterCommand({ ClusterIdentifier: w.cluster }));
      await expectAwsError(w.grantor.redshift.send(authorize({ ClusterIdentifier: w.cluster, Account: GRANTOR })), "InvalidClusterStateFault", 400);
      await expectAwsError(w.grantor.redshift.send(authorize({ ClusterIdentifier: w.cluster, Account: STRANGER })), "InvalidClusterStateFault", 400);
    });

    it("AuthorizeEndpointAccess: a cluster that is not available (#3) wins over narrowing (#7) and a repeated grant (#8)", async () => {
      await using w = await endpointWorld();
      await grant(w);
      await w.grantor.redshift.send(new PauseClusterCommand({ ClusterIdentifier: w.cluster }));
      await expectAwsError(w.grantor.redshift.send(authorize({ ClusterIdentifier: w.cluster, Account: GRANTEE, VpcIds: ["vpc-0a1b2c3d"] })), "InvalidClusterStateFault", 400);
      await expectAwsError(w.grantor.redshift.send(authorize({ ClusterIdentifier: w.cluster, Account: GRANTEE })), "InvalidClusterStateFault", 400);
    });

    it("AuthorizeEndpointAccess: a cluster that is not available (#3) wins over a Revoking grant (#6)", async () => {
      await using w = await endpointWorld({ delays: { "endpoint-delete": 60_000 } });
      await grant(w);
      await granteeEndpoint(w, "bi");
      w.settle();
      await w.grantor.redshift.send(new RevokeEndpointAccessCommand({ ClusterIdentifier: w.cluster, Account: GRANTEE, Force: true }));
      await w.grantor.redshift.send(new PauseClusterCommand({ ClusterIdentifier: w.cluster }));
      await expectAwsError(w.grantor.redshift.send(authorize({ ClusterIdentifier: w.cluster, Account: GRANTEE })), "InvalidClusterStateFault", 400);
    });

    it("AuthorizeEndpointAccess: a Revoking grant (#6) wins over re-sending an allowed VPC (#8)", async () => {
      await using w = await endpointWorld({ delays: { "endpoint-delete": 60_000 } });
      await grant(w, [w.granteeNet.vpcId]);
      await granteeEndpoint(w, "bi");
      w.settle();
      await w.grantor.redshift.send(new RevokeEndpointAccessCommand({ ClusterIdentifier: w.cluster, Account: GRANTEE, Force: true }));
      // The VPC is still in the Revoking grant's list: re-sending it is #8 as well.
      await expectAwsError(
        w.grantor.redshift.send(authorize({ ClusterIdentifier: w.cluster, Account: GRANTEE, VpcIds: [w.granteeNet.vpcId] })),
        "InvalidAuthorizationStateFault",
        400,
      );
    });
  });
});
