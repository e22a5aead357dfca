import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand } from "@aws-sdk/client-ec2";
import {
  AccessToClusterDeniedFault,
  AuthorizeEndpointAccessCommand,
  ClusterNotFoundFault,
  ClusterSubnetGroupNotFoundFault,
  CreateClusterSubnetGroupCommand,
  CreateEndpointAccessCommand,
  DeleteEndpointAccessCommand,
  DescribeClustersCommand,
  DescribeEndpointAccessCommand,
  DescribeEndpointAuthorizationCommand,
  EndpointAlreadyExistsFault,
  EndpointsPerAuthorizationLimitExceededFault,
  EndpointsPerClusterLimitExceededFault,
  InvalidClusterSecurityGroupStateFault,
  InvalidClusterStateFault,
  PauseClusterCommand,
  RevokeEndpointAccessCommand,
  UnsupportedOperationFault,
  type CreateEndpointAccessCommandInput,
} from "@aws-sdk/client-redshift";
import { accountDnsToken } from "../../src/domain/ids.js";
import { GRANTEE, GRANTOR, REGION, STRANGER, expectAwsError } from "../helpers.js";
import { createCluster, createNetwork, endpointWorld, grant, type World } from "../fixtures/endpoint-world.js";

const create = (w: World, input: Partial<CreateEndpointAccessCommandInput>, as: "grantee" | "grantor" | "stranger" = "grantee") =>
  w[as].redshift.send(
    new CreateEndpointAccessCommand({
      EndpointName: "bi",
      ClusterIdentifier: w.cluster,
      ResourceOwner: GRANTOR,
      SubnetGroupName: (as === "grantor" ? w.grantorNet : w.granteeNet).subnetGroupName,
      ...input,
    }),
  );

function ipToInt(ip: string): number {
  return ip.split(".").reduce((n, o) => n * 256 + Number(o), 0);
}
function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split("/");
  const size = 2 ** (32 - Number(bits));
  const start = ipToInt(base!);
  return ipToInt(ip) >= start && ipToInt(ip) < start + size;
}

describe("CreateEndpointAccess", () => {
  describe("validation", () => {
    it("CreateEndpointAccess: endpoint names follow the rule (1–30, letters/digits/hyphens, starts with a letter, no --, no trailing -)", async () => {
      await using w = await endpointWorld();
      await grant(w);
      for (const bad of ["", "1abc", "-abc", "ab--cd", "abc-", "a".repeat(31), "ab_cd", "ab.cd", "ab cd"]) {
        const err = await expectAwsError(create(w, { EndpointName: bad }), "InvalidParameterValue", 400);
        assert.match(err.message, /EndpointName/, `message for '${bad}' names the parameter`);
      }
      for (const good of ["a", "a".repeat(30), "Bi-Endpoint-1", "x1-y2-z3"]) {
        const out = await create(w, { EndpointName: good });
        assert.equal(out.EndpointName, good);
        assert.equal(out.EndpointStatus, "creating");
      }
    });

    it("CreateEndpointAccess: ClusterIdentifier, EndpointName and SubnetGroupName are required; ResourceOwner is 12 digits", async () => {
      await using w = await endpointWorld();
      await expectAwsError(create(w, { ClusterIdentifier: undefined }), "MissingParameter", 400);
      await expectAwsError(create(w, { SubnetGroupName: undefined }), "MissingParameter", 400);
      await expectAwsError(create(w, { EndpointName: undefined }), "MissingParameter", 400);
      await expectAwsError(create(w, { ResourceOwner: "1234" }), "InvalidParameterValue", 400);
    });
  });

  describe("behaviour", () => {
    it("CreateEndpointAccess: a grantee endpoint answers creating without Address and VpcEndpoint, then reads active with both", async () => {
      await using w = await endpointWorld({ delays: { "endpoint-create": 300_000 } });
      await grant(w);
      const created = await create(w, { EndpointName: "bi-endpoint" });
      assert.equal(created.EndpointStatus, "creating");
      assert.equal(created.EndpointName, "bi-endpoint");
      assert.equal(created.ClusterIdentifier, w.cluster);
      assert.equal(created.ResourceOwner, GRANTOR);
      assert.equal(created.SubnetGroupName, w.granteeNet.subnetGroupName);
      assert.equal(created.Address, undefined);
      assert.equal(created.VpcEndpoint, undefined);
      assert.equal(created.EndpointCreateTime?.getTime(), w.clock.now());
      const cluster = (await w.grantor.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: w.cluster }))).Clusters![0]!;
      assert.equal(created.Port, cluster.Endpoint?.Port);
      assert.equal(created.Port, 5439, "the cluster's default port");
      assert.deepEqual(created.VpcSecurityGroups, [{ VpcSecurityGroupId: w.granteeNet.defaultSgId, Status: "active" }]);

      w.clock.advance(300_000);
      const { EndpointAccessList } = await w.grantee.redshift.send(new DescribeEndpointAccessCommand({ EndpointName: "bi-endpoint" }));
      const active = EndpointAccessList![0]!;
      assert.equal(active.EndpointStatus, "active");
      const token = accountDnsToken(GRANTOR, REGION);
      assert.match(token, /^[a-z0-9]{12}$/);
      assert.match(active.Address!, new RegExp(`^bi-endpoint-endpoint-[a-z0-9]{20}\\.${token}\\.${REGION}\\.redshift\\.amazonaws\\.com$`));
      assert.equal(cluster.Endpoint?.Address, `${w.cluster}.${token}.${REGION}.redshift.amazonaws.com`, "same token as the cluster's own address");
      const vpce = active.VpcEndpoint!;
      assert.match(vpce.VpcEndpointId!, /^vpce-[0-9a-f]{17}$/);
      assert.equal(vpce.VpcId, w.granteeNet.vpcId);
      assert.equal(vpce.NetworkInterfaces?.length, 1);
      const nic = vpce.NetworkInterfaces[0]!;
      assert.match(nic.NetworkInterfaceId!, /^eni-[0-9a-f]{17}$/);
      const index = w.granteeNet.subnetIds.indexOf(nic.SubnetId!);
      assert.ok(index >= 0, "the interface is in a subnet of the group");
      assert.equal(nic.AvailabilityZone, `${REGION}${"ab"[index]}`);
      assert.ok(inCidr(nic.PrivateIpAddress!, w.granteeNet.subnetCidrs[index]!), `${nic.PrivateIpAddress} inside ${w.granteeNet.subnetCidrs[index]}`);
      assert.equal(active.EndpointCreateTime?.getTime(), created.EndpointCreateTime?.getTime());
    });

    it("CreateEndpointAccess: Port is the cluster's port, not a default", async () => {
      await using w = await endpointWorld();
      await createCluster(w.grantor, "odd-port", { Port: 8192, ClusterSubnetGroupName: w.grantorNet.subnetGroupName });
      w.settle();
      await w.grantor.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "odd-port", Account: GRANTEE }));
      const out = await create(w, { ClusterIdentifier: "odd-port" });
      assert.equal(out.Port, 8192);
      const [listed] = (await w.grantee.redshift.send(new DescribeEndpointAccessCommand({ EndpointName: "bi" }))).EndpointAccessList ?? [];
      assert.equal(listed?.Port, 8192);
    });

    it("CreateEndpointAccess: the cluster owner creates a same-account endpoint without a grant (ResourceOwner absent or its own)", async () => {
      await using w = await endpointWorld();
      const own = await create(w, { EndpointName: "own-one", ResourceOwner: undefined }, "grantor");
      assert.equal(own.ResourceOwner, GRANTOR, "ResourceOwner is filled in");
      const explicit = await create(w, { EndpointName: "own-two", ResourceOwner: GRANTOR }, "grantor");
      assert.equal(explicit.ResourceOwner, GRANTOR);
      const grants = await w.grantor.redshift.send(new DescribeEndpointAuthorizationCommand({}));
      assert.deepEqual(grants.EndpointAuthorizationList ?? [], [], "no grant was needed or created");
    });

    it("CreateEndpointAccess: given security groups are used (duplicates collapse)", async () => {
      await using w = await endpointWorld();
      await grant(w);
      const out = await create(w, { VpcSecurityGroupIds: [w.granteeNet.sgId, w.granteeNet.defaultSgId, w.granteeNet.sgId] });
      assert.deepEqual(out.VpcSecurityGroups?.map((g) => g.VpcSecurityGroupId), [w.granteeNet.sgId, w.granteeNet.defaultSgId]);
      assert.ok(out.VpcSecurityGroups?.every((g) => g.Status === "active"));
    });

    it("CreateEndpointAccess: the grant's EndpointCount goes up at once", async () => {
      await using w = await endpointWorld({ delays: { "endpoint-create": 300_000 } });
      await grant(w);
      await create(w, { EndpointName: "one" });
      await create(w, { EndpointName: "two" });
      const { EndpointAuthorizationList } = await w.grantee.redshift.send(new DescribeEndpointAuthorizationCommand({ Grantee: true }));
      assert.equal(EndpointAuthorizationList?.[0]?.EndpointCount, 2);
    });

    it("CreateEndpointAccess: interfaces spread over the group's subnets and never share an address", async () => {
      await using w = await endpointWorld();
      await grant(w);
      const names = ["e1", "e2", "e3", "e4"];
      for (const name of names) await create(w, { EndpointName: name });
      const { EndpointAccessList } = await w.grantee.redshift.send(new DescribeEndpointAccessCommand({}));
      const nics = EndpointAccessList!.map((e) => e.VpcEndpoint!.NetworkInterfaces![0]!);
      assert.equal(new Set(nics.map((n) => n.PrivateIpAddress)).size, 4);
      const perSubnet = w.granteeNet.subnetIds.map((id) => nics.filter((n) => n.SubnetId === id).length);
      assert.deepEqual(perSubnet, [2, 2]);
      for (const nic of nics) {
        const i = w.granteeNet.subnetIds.indexOf(nic.SubnetId!);
        assert.ok(inCidr(nic.PrivateIpAddress!, w.granteeNet.subnetCidrs[i]!));
        assert.ok(!nic.PrivateIpAddress!.match(/\.(0|1|2|3|255)$/), `${nic.PrivateIpAddress} is not a reserved address`);
      }
    });

    it("CreateEndpointAccess: a name is free again once its endpoint is gone", async () => {
      await using w = await endpointWorld();
      await grant(w);
      await create(w, {});
      await w.grantee.redshift.send(new DeleteEndpointAccessCommand({ EndpointName: "bi" }));
      const again = await create(w, {});
      assert.equal(again.EndpointStatus, "creating");
    });
  });

  describe("errors, in the documented order (docs/differences-from-aws.md)", () => {
    it("CreateEndpointAccess: a name the caller already uses (any case, any status) is EndpointAlreadyExists — before the cluster lookup", async () => {
      await using w = await endpointWorld();
      await grant(w);
      await create(w, { EndpointName: "bi" });
      const err = await create(w, { EndpointName: "BI" }).catch((e: unknown) => e);
      assert.ok(err instanceof EndpointAlreadyExistsFault, `got ${String(err)}`);
      assert.equal(err.$metadata.httpStatusCode, 400);
      await expectAwsError(create(w, { EndpointName: "bi", ClusterIdentifier: "nope" }), "EndpointAlreadyExistsFault", 400);
      // Names are per account: the grantor may use the same name.
      await create(w, { EndpointName: "bi", ResourceOwner: undefined }, "grantor");
    });

    it("CreateEndpointAccess: no such cluster in ResourceOwner's account is ClusterNotFound (404)", async () => {
      await using w = await endpointWorld();
      const err = await create(w, { ClusterIdentifier: "nope" }).catch((e: unknown) => e);
      assert.ok(err instanceof ClusterNotFoundFault, `got ${String(err)}`);
      assert.equal(err.$metadata.httpStatusCode, 404);
      // Without ResourceOwner the cluster is looked up in the caller's own account.
      await expectAwsError(create(w, { ResourceOwner: undefined }), "ClusterNotFoundFault", 404);
      await expectAwsError(create(w, { ResourceOwner: STRANGER }), "ClusterNotFoundFault", 404);
    });

    it("CreateEndpointAccess: cross-account without a grant is AccessToClusterDenied", async () => {
      await using w = await endpointWorld();
      await grant(w);
      const strangerNet = await createNetwork(w.stranger, "10.2.0.0/16", "stranger-sng");
      const err = await create(w, { SubnetGroupName: strangerNet.subnetGroupName }, "stranger").catch((e: unknown) => e);
      assert.ok(err instanceof AccessToClusterDeniedFault, `got ${String(err)}`);
      assert.equal(err.$metadata.httpStatusCode, 400);
    });

    it("CreateEndpointAccess: a grant that is Revoking gives no access", async () => {
      await using w = await endpointWorld({ delays: { "endpoint-delete": 60_000 } });
      await grant(w);
      await create(w, { EndpointName: "first" });
      w.settle();
      await w.grantor.redshift.send(new RevokeEndpointAccessCommand({ ClusterIdentifier: w.cluster, Account: GRANTEE, Force: true }));
      await expectAwsError(create(w, { EndpointName: "second" }), "AccessToClusterDeniedFault", 400);
    });

    it("CreateEndpointAccess: a cluster that is not available is InvalidClusterState (after the grant check)", async () => {
      await using w = await endpointWorld();
      await grant(w);
      await w.grantor.redshift.send(new PauseClusterCommand({ ClusterIdentifier: w.cluster }));
      await expectAwsError(create(w, {}), "InvalidClusterStateFault", 400);
      await expectAwsError(create(w, {}, "stranger"), "AccessToClusterDeniedFault", 400);
      const err = await create(w, { ResourceOwner: undefined }, "grantor").catch((e: unknown) => e);
      assert.ok(err instanceof InvalidClusterStateFault, `got ${String(err)}`);
    });

    it("CreateEndpointAccess: an ineligible cluster is UnsupportedOperation (same-account too)", async () => {
      await using w = await endpointWorld();
      await createCluster(w.grantor, "old", { NodeType: "dc2.large", AvailabilityZoneRelocation: undefined });
      await createCluster(w.grantor, "pinned", { AvailabilityZoneRelocation: false, ClusterSubnetGroupName: w.grantorNet.subnetGroupName });
      w.settle();
      const err = await create(w, { ClusterIdentifier: "old", ResourceOwner: undefined }, "grantor").catch((e: unknown) => e);
      assert.ok(err instanceof UnsupportedOperationFault, `got ${String(err)}`);
      await expectAwsError(create(w, { ClusterIdentifier: "pinned", ResourceOwner: undefined }, "grantor"), "UnsupportedOperationFault", 400);
    });

    it("CreateEndpointAccess: an unknown subnet group of the caller is ClusterSubnetGroupNotFoundFault (400)", async () => {
      await using w = await endpointWorld();
      await grant(w);
      const err = await create(w, { SubnetGroupName: "nope" }).catch((e: unknown) => e);
      assert.ok(err instanceof ClusterSubnetGroupNotFoundFault, `got ${String(err)}`);
      assert.equal(err.$metadata.httpStatusCode, 400);
      // The grantor's subnet group is not the grantee's.
      await expectAwsError(create(w, { SubnetGroupName: w.grantorNet.subnetGroupName }), "ClusterSubnetGroupNotFoundFault", 400);
    });

    it("CreateEndpointAccess: a subnet group in a VPC the grant does not allow is AccessToClusterDenied", async () => {
      await using w = await endpointWorld();
      await grant(w, ["vpc-0a1b2c3d"]);
      await expectAwsError(create(w, {}), "AccessToClusterDeniedFault", 400);
      await grant(w, [w.granteeNet.vpcId]);
      assert.equal((await create(w, {})).EndpointStatus, "creating");
    });

    it("CreateEndpointAccess: a security group that is unknown, foreign or in another VPC is InvalidClusterSecurityGroupState", async () => {
      await using w = await endpointWorld();
      await grant(w);
      const err = await create(w, { VpcSecurityGroupIds: ["sg-0123456789abcdef0"] }).catch((e: unknown) => e);
      assert.ok(err instanceof InvalidClusterSecurityGroupStateFault, `got ${String(err)}`);
      assert.equal(err.$metadata.httpStatusCode, 400);
      await expectAwsError(create(w, { VpcSecurityGroupIds: [w.grantorNet.sgId] }), "InvalidClusterSecurityGroupStateFault", 400);
      const other = await w.grantee.ec2.send(new CreateVpcCommand({ CidrBlock: "10.9.0.0/16" }));
      const sg = await w.grantee.ec2.send(new CreateSecurityGroupCommand({ GroupName: "elsewhere", Description: "x", VpcId: other.Vpc!.VpcId! }));
      await expectAwsError(create(w, { VpcSecurityGroupIds: [w.granteeNet.sgId, sg.GroupId!] }), "InvalidClusterSecurityGroupStateFault", 400);
    });

    it("CreateEndpointAccess: the 31st endpoint on a cluster, across accounts, is EndpointsPerClusterLimitExceeded", async () => {
      await using w = await endpointWorld({ quotas: { "endpoints-per-cluster": 3 } });
      await grant(w);
      await create(w, { EndpointName: "g1" });
      await create(w, { EndpointName: "g2" });
      await create(w, { EndpointName: "o1", ResourceOwner: undefined }, "grantor");
      const err = await create(w, { EndpointName: "g3" }).catch((e: unknown) => e);
      assert.ok(err instanceof EndpointsPerClusterLimitExceededFault, `got ${String(err)}`);
      assert.equal(err.$metadata.httpStatusCode, 400);
      await expectAwsError(create(w, { EndpointName: "o2", ResourceOwner: undefined }, "grantor"), "EndpointsPerClusterLimitExceededFault", 400);
    });

    it("CreateEndpointAccess: the sixth endpoint under one grant is EndpointsPerAuthorizationLimitExceeded", async () => {
      await using w = await endpointWorld();
      await grant(w);
      for (let i = 1; i <= 5; i++) await create(w, { EndpointName: `e${i}` });
      const err = await create(w, { EndpointName: "e6" }).catch((e: unknown) => e);
      assert.ok(err instanceof EndpointsPerAuthorizationLimitExceededFault, `got ${String(err)}`);
      assert.equal(err.$metadata.httpStatusCode, 400);
      // The owner's own endpoints are not under any grant.
      await create(w, { EndpointName: "own", ResourceOwner: undefined }, "grantor");
    });

    it("CreateEndpointAccess: the endpoints-per-grant quota follows --quota and counts deleting endpoints until they are gone", async () => {
      await using w = await endpointWorld({ quotas: { "endpoints-per-grant": 1 }, delays: { "endpoint-delete": 60_000 } });
      await grant(w);
      await create(w, { EndpointName: "one" });
      await expectAwsError(create(w, { EndpointName: "two" }), "EndpointsPerAuthorizationLimitExceededFault", 400);
      w.settle();
      await w.grantee.redshift.send(new DeleteEndpointAccessCommand({ EndpointName: "one" }));
      await expectAwsError(create(w, { EndpointName: "two" }), "EndpointsPerAuthorizationLimitExceededFault", 400);
      w.clock.advance(60_000);
      assert.equal((await create(w, { EndpointName: "two" })).EndpointStatus, "creating");
    });

    it("CreateEndpointAccess: addresses skip AWS's reserved ones, and a full subnet group is refused with InvalidParameterValue", async () => {
      await using w = await endpointWorld({ quotas: { "endpoints-per-grant": 30 } });
      await grant(w);
      const vpc = await w.grantee.ec2.send(new CreateVpcCommand({ CidrBlock: "10.8.0.0/16" }));
      const subnet = await w.grantee.ec2.send(new CreateSubnetCommand({ VpcId: vpc.Vpc!.VpcId!, CidrBlock: "10.8.0.0/28", AvailabilityZone: `${REGION}a` }));
      await w.grantee.redshift.send(new CreateClusterSubnetGroupCommand({ ClusterSubnetGroupName: "tiny", Description: "x", SubnetIds: [subnet.Subnet!.SubnetId!] }));
      // A /28 has 16 addresses; AWS reserves the first 4 and the last, which leaves 11 (.4 to .14).
      for (let i = 1; i <= 11; i++) await create(w, { EndpointName: `t${i}`, SubnetGroupName: "tiny" });
      // Endpoints created at one instant are listed by name; t1 got the first free address, t11 the last.
      const ips = new Map(
        (await w.grantee.redshift.send(new DescribeEndpointAccessCommand({}))).EndpointAccessList!.map((e) => [
          e.EndpointName,
          e.VpcEndpoint!.NetworkInterfaces![0]!.PrivateIpAddress,
        ]),
      );
      for (let i = 1; i <= 11; i++) assert.equal(ips.get(`t${i}`), `10.8.0.${i + 3}`);
      const err = await expectAwsError(create(w, { EndpointName: "t12", SubnetGroupName: "tiny" }), "InvalidParameterValue", 400);
      assert.match(err.message, /free IP addresses/);
      // Deleting one frees its address for the next.
      await w.grantee.redshift.send(new DeleteEndpointAccessCommand({ EndpointName: "t3" }));
      await w.grantee.redshift.send(new DescribeEndpointAccessCommand({}));
      w.settle();
      const again = await create(w, { EndpointName: "t12", SubnetGroupName: "tiny" });
      assert.equal(again.EndpointStatus, "creating");
      const t12 = await w.grantee.redshift.send(new DescribeEndpointAccessCommand({ EndpointName: "t12" }));
      assert.equal(t12.EndpointAccessList![0]!.VpcEndpoint!.NetworkInterfaces![0]!.PrivateIpAddress, "10.8.0.6");
    });
  });

  // Each request breaks two rows of the table in docs/differences-from-aws.md at once and must get the
  // earlier row's error
  // (#2<#3 and #4<#5 are in the tests above; #7 and #8 cannot meet: without a subnet group there is no VPC).
  describe("check order (two rows broken at once, the earlier wins)", () => {
    const bogusSg = ["sg-0123456789abcdef0"];

    it("CreateEndpointAccess: a malformed ResourceOwner (#1) wins over a name already in use (#2)", async () => {
      await using w = await endpointWorld();
      await grant(w);
      await create(w, {});
      await expectAwsError(create(w, { ResourceOwner: "1234" }), "InvalidParameterValue", 400);
    });

    it("CreateEndpointAccess: no such cluster (#3) wins over a missing grant (#4)", async () => {
      await using w = await endpointWorld();
      await expectAwsError(create(w, { ClusterIdentifier: "nope" }, "stranger"), "ClusterNotFoundFault", 404);
    });

    it("CreateEndpointAccess: a cluster that is not available (#5) wins over an ineligible one (#6)", async () => {
      await using w = await endpointWorld({ delays: { "cluster-create": 120_000 } });
      await createCluster(w.grantor, "fresh", { NodeType: "dc2.large", AvailabilityZoneRelocation: undefined });
      await expectAwsError(create(w, { ClusterIdentifier: "fresh", ResourceOwner: undefined }, "grantor"), "InvalidClusterStateFault", 400);
    });

    it("CreateEndpointAccess: an ineligible cluster (#6) wins over an unknown subnet group (#7)", async () => {
      await using w = await endpointWorld();
      await createCluster(w.grantor, "old", { NodeType: "dc2.large", AvailabilityZoneRelocation: undefined });
      w.settle();
      await expectAwsError(create(w, { ClusterIdentifier: "old", ResourceOwner: undefined, SubnetGroupName: "nope" }, "grantor"), "UnsupportedOperationFault", 400);
    });

    it("CreateEndpointAccess: an unknown subnet group (#7) wins over a bad security group (#9)", async () => {
      await using w = await endpointWorld();
      await grant(w);
      await expectAwsError(create(w, { SubnetGroupName: "nope", VpcSecurityGroupIds: bogusSg }), "ClusterSubnetGroupNotFoundFault", 400);
    });

    it("CreateEndpointAccess: a VPC the grant does not allow (#8) wins over a bad security group (#9)", async () => {
      await using w = await endpointWorld();
      await grant(w, ["vpc-0a1b2c3d"]);
      await expectAwsError(create(w, { VpcSecurityGroupIds: bogusSg }), "AccessToClusterDeniedFault", 400);
    });

    it("CreateEndpointAccess: a bad security group (#9) wins over the endpoints-per-cluster quota (#10)", async () => {
      await using w = await endpointWorld({ quotas: { "endpoints-per-cluster": 1 } });
      await grant(w);
      await create(w, { EndpointName: "own", ResourceOwner: undefined }, "grantor");
      await expectAwsError(create(w, { VpcSecurityGroupIds: bogusSg }), "InvalidClusterSecurityGroupStateFault", 400);
    });

    it("CreateEndpointAccess: the endpoints-per-cluster quota (#10) wins over the endpoints-per-grant quota (#11)", async () => {
      await using w = await endpointWorld({ quotas: { "endpoints-per-cluster": 2, "endpoints-per-grant": 2 } });
      await grant(w);
      await create(w, { EndpointName: "one" });
      await create(w, { EndpointName: "two" });
      await expectAwsError(create(w, { EndpointName: "three" }), "EndpointsPerClusterLimitExceededFault", 400);
    });
  });
});
