import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateClusterCommand,
  CreateClusterParameterGroupCommand,
  CreateClusterSubnetGroupCommand,
  DeleteClusterCommand,
  DescribeClusterSubnetGroupsCommand,
  type CreateClusterCommandInput,
} from "@aws-sdk/client-redshift";
import { accountDnsToken } from "../../src/domain/ids.js";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, rawPost, startServer, type Clients } from "../helpers.js";
import { START, clockedServer, clusterInput, createCluster, createNet, defaultNet, describeCluster } from "../fixtures/clusters-world.js";

const send = (c: Clients, id: string, overrides: Partial<CreateClusterCommandInput> = {}) => c.redshift.send(new CreateClusterCommand(clusterInput(id, overrides)));

describe("CreateCluster", () => {
  describe("behaviour", () => {
    it("CreateCluster: answers `creating` (Modifying) without an endpoint, then `available` with everything tools wait on", async () => {
      const { rs } = await clockedServer();
      await using _rs = rs;
      const c = clientsFor(rs.url, GRANTOR);
      const created = await createCluster(c, "Analytics", { NodeType: "ra3.4xlarge", NumberOfNodes: 2, Tags: [{ Key: "env", Value: "test" }] });
      assert.equal(created.ClusterIdentifier, "analytics", "identifiers are lower-cased");
      assert.equal(created.ClusterStatus, "creating");
      assert.equal(created.ClusterAvailabilityStatus, "Modifying", "real create-cluster output reports Modifying while creating");
      assert.equal(created.Endpoint, undefined);
      assert.equal(created.ClusterCreateTime?.getTime(), START);

      const cl = await describeCluster(c, "analytics");
      const net = await defaultNet(c);
      assert.equal(cl.ClusterStatus, "available");
      assert.equal(cl.ClusterAvailabilityStatus, "Available");
      assert.deepEqual(cl.Endpoint, { Address: `analytics.${accountDnsToken(GRANTOR, "us-east-1")}.us-east-1.redshift.amazonaws.com`, Port: 5439 });
      assert.match(cl.Endpoint.Address, /^analytics\.[a-z0-9]{12}\.us-east-1\.redshift\.amazonaws\.com$/);
      assert.equal(cl.ClusterSubnetGroupName, "default");
      assert.equal(cl.VpcId, net.vpcId);
      assert.equal(cl.AvailabilityZone, "us-east-1a");
      assert.equal(cl.VpcSecurityGroups!.length, 1);
      assert.equal(cl.VpcSecurityGroups![0]!.Status, "active");
      assert.match(cl.VpcSecurityGroups![0]!.VpcSecurityGroupId!, /^sg-[0-9a-f]{17}$/);
      assert.match(cl.ClusterNamespaceArn!, /^arn:aws:redshift:us-east-1:111111111111:namespace:[0-9a-f-]{36}$/);
      assert.equal(cl.NodeType, "ra3.4xlarge");
      assert.equal(cl.NumberOfNodes, 2);
      assert.deepEqual(cl.ClusterNodes!.map((n) => n.NodeRole), ["LEADER", "COMPUTE-0", "COMPUTE-1"]);
      for (const n of cl.ClusterNodes!) assert.match(n.PrivateIPAddress!, /^172\.31\.([0-9]|1[0-5])\.\d+$/, "nodes sit in the zone's default subnet");
      assert.equal(cl.DBName, "dev");
      assert.equal(cl.MasterUsername, "admin");
      assert.equal(cl.Encrypted, true);
      assert.equal(cl.PubliclyAccessible, false);
      assert.equal(cl.AvailabilityZoneRelocationStatus, "enabled", "RA3 and private: relocation on by default");
      assert.equal(cl.MultiAZ, "Disabled");
      assert.equal(cl.ClusterVersion, "1.0");
      assert.equal(cl.AllowVersionUpgrade, true);
      assert.equal(cl.AutomatedSnapshotRetentionPeriod, 1);
      assert.equal(cl.ManualSnapshotRetentionPeriod, -1);
      assert.match(cl.PreferredMaintenanceWindow!, /^(sun|mon|tue|wed|thu|fri|sat):\d\d:[03]0-\1:\d\d:[03]0$/);
      assert.ok(cl.NextMaintenanceWindowStartTime!.getTime() >= START);
      assert.deepEqual(cl.ClusterParameterGroups, [{ ParameterGroupName: "default.redshift-1.0", ParameterApplyStatus: "in-sync", ClusterParameterStatusList: [] }]);
      assert.equal(cl.TotalStorageCapacityInMegaBytes, 2 * 128 * 1024 * 1024);
      assert.deepEqual(cl.Tags, [{ Key: "env", Value: "test" }]);
      assert.equal(cl.PendingModifiedValues, undefined);
    });

    it("CreateCluster: places the cluster in a named subnet group's VPC, zone and security groups", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const net = await createNet(c, 8, ["a", "b"]);
      await c.redshift.send(new CreateClusterSubnetGroupCommand({ ClusterSubnetGroupName: "Private", Description: "p", SubnetIds: net.subnetIds }));
      const cl = await createCluster(c, "placed", {
        ClusterSubnetGroupName: "PRIVATE",
        AvailabilityZone: "us-east-1b",
        VpcSecurityGroupIds: [net.sgId, net.sgId],
        Port: 8192,
      });
      assert.equal(cl.ClusterSubnetGroupName, "private");
      assert.equal(cl.VpcId, net.vpcId);
      assert.equal(cl.AvailabilityZone, "us-east-1b");
      assert.deepEqual(cl.VpcSecurityGroups, [{ VpcSecurityGroupId: net.sgId, Status: "active" }]);
      assert.match(cl.ClusterNodes![0]!.PrivateIPAddress!, /^10\.8\.2\.\d+$/);
      assert.equal((await describeCluster(c, "placed")).Endpoint!.Port, 8192);
      const defaults = await createCluster(c, "defaults", { ClusterSubnetGroupName: "private" });
      assert.equal(defaults.AvailabilityZone, "us-east-1a", "the group's first zone");
      assert.deepEqual(defaults.VpcSecurityGroups, [{ VpcSecurityGroupId: net.defaultSgId, Status: "active" }]);
    });

    it("CreateCluster: relocation defaults to disabled for dc2 and for public clusters; explicit false is respected", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      assert.equal((await createCluster(c, "dc2", { NodeType: "dc2.large" })).AvailabilityZoneRelocationStatus, "disabled");
      assert.equal((await createCluster(c, "public", { PubliclyAccessible: true })).AvailabilityZoneRelocationStatus, "disabled");
      assert.equal((await createCluster(c, "off", { AvailabilityZoneRelocation: false })).AvailabilityZoneRelocationStatus, "disabled");
      const pub = await describeCluster(c, "public");
      assert.match(pub.ClusterNodes![0]!.PublicIPAddress!, /^\d+\.\d+\.\d+\.\d+$/);
    });

    it("CreateCluster: Multi-AZ on RA3 is reported Enabled with its second zone, relocation off", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const cl = await createCluster(c, "maz", { NodeType: "ra3.4xlarge", NumberOfNodes: 2, MultiAZ: true });
      assert.equal(cl.MultiAZ, "Enabled");
      assert.equal(cl.MultiAZSecondary?.AvailabilityZone, "us-east-1b");
      assert.equal(cl.AvailabilityZoneRelocationStatus, "disabled");
    });

    it("CreateCluster: single-node is the default; ClusterType and NumberOfNodes agree", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const single = await createCluster(c, "single");
      assert.equal(single.NumberOfNodes, 1);
      assert.deepEqual(single.ClusterNodes!.map((n) => n.NodeRole), ["SHARED"]);
      assert.equal((await createCluster(c, "explicit-single", { ClusterType: "single-node" })).NumberOfNodes, 1);
      assert.equal((await createCluster(c, "multi", { ClusterType: "multi-node", NumberOfNodes: 3 })).NumberOfNodes, 3);
    });

    it("CreateCluster: ManageMasterPassword reports a Secrets Manager ARN instead of taking a password", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const cl = await createCluster(c, "managed", { MasterUserPassword: undefined, ManageMasterPassword: true });
      assert.match(cl.MasterPasswordSecretArn!, /^arn:aws:secretsmanager:us-east-1:111111111111:secret:redshift!managed-admin-[a-z0-9]{6}$/);
    });

    it("CreateCluster: records DBName, IAM roles, retention, window, version settings and enhanced VPC routing", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const role = "arn:aws:iam::111111111111:role/RedshiftCopy";
      await c.redshift.send(new CreateClusterParameterGroupCommand({ ParameterGroupName: "custom-params", ParameterGroupFamily: "redshift-1.0", Description: "d" }));
      const cl = await createCluster(c, "full", {
        DBName: "warehouse",
        IamRoles: [role],
        DefaultIamRoleArn: role,
        AutomatedSnapshotRetentionPeriod: 7,
        ManualSnapshotRetentionPeriod: 30,
        PreferredMaintenanceWindow: "Sat:22:00-Sun:01:00",
        AllowVersionUpgrade: false,
        EnhancedVpcRouting: true,
        KmsKeyId: "arn:aws:kms:us-east-1:111111111111:key/abc",
        ClusterParameterGroupName: "custom-params",
        MaintenanceTrackName: "trailing",
      });
      assert.equal(cl.DBName, "warehouse");
      assert.deepEqual(cl.IamRoles, [{ IamRoleArn: role, ApplyStatus: "in-sync" }]);
      assert.equal(cl.DefaultIamRoleArn, role);
      assert.equal(cl.AutomatedSnapshotRetentionPeriod, 7);
      assert.equal(cl.ManualSnapshotRetentionPeriod, 30);
      assert.equal(cl.PreferredMaintenanceWindow, "sat:22:00-sun:01:00");
      assert.equal(cl.AllowVersionUpgrade, false);
      assert.equal(cl.EnhancedVpcRouting, true);
      assert.equal(cl.KmsKeyId, "arn:aws:kms:us-east-1:111111111111:key/abc");
      assert.equal(cl.ClusterParameterGroups![0]!.ParameterGroupName, "custom-params");
      assert.equal(cl.MaintenanceTrackName, "trailing");
    });

    it("CreateCluster: an empty DBName (Terraform sends `DBName=` when database_name is unset) creates the default `dev` database", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const cl = await createCluster(c, "unnamed-db", { DBName: "" });
      assert.equal(cl.DBName, "dev");
      assert.equal((await describeCluster(c, "unnamed-db")).DBName, "dev");
    });

    it("CreateCluster: the same identifier in another account or region is another cluster", async () => {
      await using rs = await startServer();
      const token = (account: string, region: string) => accountDnsToken(account, region);
      for (const [account, region] of [[GRANTOR, "us-east-1"], [GRANTEE, "us-east-1"], [GRANTOR, "eu-west-1"]] as const) {
        const c = clientsFor(rs.url, account, region);
        await createCluster(c, "shared");
        const cl = await describeCluster(c, "shared");
        assert.equal(cl.Endpoint!.Address, `shared.${token(account, region)}.${region}.redshift.amazonaws.com`);
        assert.equal(cl.AvailabilityZone, `${region}a`);
      }
    });

    it("CreateCluster: ClusterSubnetGroupName `default` (any case) names the default group, created on first use", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const net = await defaultNet(c);
      const first = await createCluster(c, "first", { ClusterSubnetGroupName: "Default" });
      assert.equal(first.ClusterSubnetGroupName, "default");
      assert.equal(first.VpcId, net.vpcId);
      const second = await createCluster(c, "second", { ClusterSubnetGroupName: "default" });
      assert.equal(second.ClusterSubnetGroupName, "default");
      const groups = await c.redshift.send(new DescribeClusterSubnetGroupsCommand({}));
      assert.deepEqual(groups.ClusterSubnetGroups!.map((g) => g.ClusterSubnetGroupName), ["default"], "one default group");
    });

    it("CreateCluster: ARNs use the region's partition (aws-cn in China)", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR, "cn-north-1");
      const cl = await createCluster(c, "china", { MasterUserPassword: undefined, ManageMasterPassword: true });
      assert.match(cl.ClusterNamespaceArn!, /^arn:aws-cn:redshift:cn-north-1:111111111111:namespace:[0-9a-f-]{36}$/);
      assert.match(cl.MasterPasswordSecretArn!, /^arn:aws-cn:secretsmanager:cn-north-1:111111111111:secret:/);
    });

    it("CreateCluster: the wire request lists VpcSecurityGroupIds.VpcSecurityGroupId.N and Tags.Tag.N", async () => {
      await using rs = await startServer({ defaultAccount: GRANTOR });
      const c = clientsFor(rs.url, GRANTOR);
      const net = await createNet(c, 9, ["a"]);
      await c.redshift.send(new CreateClusterSubnetGroupCommand({ ClusterSubnetGroupName: "g", Description: "g", SubnetIds: net.subnetIds }));
      const res = await rawPost(
        rs.url,
        "Action=CreateCluster&Version=2012-12-01&ClusterIdentifier=raw&NodeType=dc2.large&MasterUsername=admin&MasterUserPassword=Passw0rd1" +
          `&ClusterSubnetGroupName=g&VpcSecurityGroupIds.VpcSecurityGroupId.1=${net.sgId}&Tags.Tag.1.Key=k&Tags.Tag.1.Value=v`,
      );
      assert.equal(res.status, 200, res.text);
      assert.match(res.text, /<CreateClusterResult><Cluster><ClusterIdentifier>raw<\/ClusterIdentifier>/);
      assert.match(res.text, new RegExp(`<VpcSecurityGroups><VpcSecurityGroup><VpcSecurityGroupId>${net.sgId}</VpcSecurityGroupId><Status>active</Status></VpcSecurityGroup></VpcSecurityGroups>`));
      assert.match(res.text, /<Tags><Tag><Key>k<\/Key><Value>v<\/Value><\/Tag><\/Tags>/);
      assert.match(res.text, /<ClusterNodes><member><NodeRole>SHARED<\/NodeRole>/);
      assert.doesNotMatch(res.text, /Passw0rd1/, "the password never appears in a response");
    });
  });

  describe("validation", () => {
    it("CreateCluster: identifiers breaking the naming rule are InvalidParameterValue", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      for (const id of ["1starts-with-digit", "-x", "double--hyphen", "trailing-", "under_score", "x".repeat(64), "dot.ted"]) {
        await expectAwsError(send(c, id), "InvalidParameterValue", 400);
      }
      assert.equal((await createCluster(c, "a")).ClusterIdentifier, "a");
      assert.equal((await createCluster(c, "x".repeat(63))).ClusterIdentifier!.length, 63);
      assert.equal((await createCluster(c, "UPPER-case-1")).ClusterIdentifier, "upper-case-1");
    });

    it("CreateCluster: an unknown NodeType or ClusterType is InvalidParameterValue", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await expectAwsError(send(c, "x", { NodeType: "ds2.xlarge" }), "InvalidParameterValue", 400);
      await expectAwsError(send(c, "x", { ClusterType: "two-node" }), "InvalidParameterValue", 400);
    });

    it("CreateCluster: ClusterType and NumberOfNodes that disagree are InvalidParameterCombination", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const err = await expectAwsError(send(c, "x", { ClusterType: "multi-node", NumberOfNodes: 1 }), "InvalidParameterCombination", 400);
      assert.match(err.message, /multi-node must be greater than or equal to 2/);
      await expectAwsError(send(c, "x", { ClusterType: "multi-node" }), "InvalidParameterCombination", 400);
      await expectAwsError(send(c, "x", { ClusterType: "single-node", NumberOfNodes: 2 }), "InvalidParameterCombination", 400);
      await expectAwsError(send(c, "x", { NodeType: "ra3.16xlarge", NumberOfNodes: 1 }), "InvalidParameterCombination", 400);
      await expectAwsError(send(c, "x", { NumberOfNodes: 0 }), "InvalidParameterValue", 400);
    });

    it("CreateCluster: more nodes than the node type allows is NumberOfNodesPerClusterLimitExceeded", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await expectAwsError(send(c, "x", { NodeType: "dc2.large", NumberOfNodes: 33 }), "NumberOfNodesPerClusterLimitExceededFault", 400);
      await expectAwsError(send(c, "x", { NodeType: "ra3.xlplus", NumberOfNodes: 33 }), "NumberOfNodesPerClusterLimitExceededFault", 400);
      assert.equal((await createCluster(c, "big", { NodeType: "ra3.16xlarge", NumberOfNodes: 128 })).NumberOfNodes, 128);
    });

    it("CreateCluster: ports outside the node type's ranges are InvalidParameterValue", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      for (const Port of [5430, 5456, 8190, 8216, 1150]) await expectAwsError(send(c, "x", { Port }), "InvalidParameterValue", 400);
      for (const Port of [1149, 65536]) await expectAwsError(send(c, "x", { NodeType: "dc2.large", Port }), "InvalidParameterValue", 400);
      for (const [i, Port] of [5431, 5455, 8191, 8215].entries()) assert.equal((await createCluster(c, `ra3-${i}`, { Port })).ClusterStatus, "creating");
      for (const [i, Port] of [1150, 65535].entries()) assert.equal((await createCluster(c, `dc2-${i}`, { NodeType: "dc2.large", Port })).ClusterStatus, "creating");
    });

    it("CreateCluster: master user names breaking the rules are InvalidParameterValue", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      for (const MasterUsername of ["1admin", "ad:min", "ad/min", "public", "PUBLIC", "user", "select", "x".repeat(129), "ad min"]) {
        await expectAwsError(send(c, "x", { MasterUsername }), "InvalidParameterValue", 400);
      }
      assert.equal((await createCluster(c, "ok", { MasterUsername: "etl_user.v2@corp+x-y" })).MasterUsername, "etl_user.v2@corp+x-y");
    });

    it("CreateCluster: passwords breaking the rules are InvalidParameterValue and never echoed", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      for (const MasterUserPassword of ["Sh0rt", "x".repeat(60) + "Aa1xx", "alllower1", "ALLUPPER1", "NoDigitsHere", "Has space1", "Quote'1a", 'Dquote"1a', "Back\\1aA", "Slash/1aA", "At@home1A", "Tab\t1aAb", "Ünicode1a"]) {
        const err = await expectAwsError(send(c, "x", { MasterUserPassword }), "InvalidParameterValue", 400);
        assert.ok(!err.message.includes(MasterUserPassword), "the message does not contain the password");
      }
      assert.equal((await createCluster(c, "ok", { MasterUserPassword: "Aa1!#$%&()*+,-.:;<=>?[]^_`{|}~" })).ClusterStatus, "creating");
      assert.equal((await createCluster(c, "ok64", { MasterUserPassword: "Aa1" + "x".repeat(61) })).ClusterStatus, "creating");
    });

    it("CreateCluster: a password with ManageMasterPassword is InvalidParameterCombination; neither is MissingParameter", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await expectAwsError(send(c, "x", { ManageMasterPassword: true }), "InvalidParameterCombination", 400);
      await expectAwsError(send(c, "x", { MasterUserPassword: undefined }), "MissingParameter", 400);
    });

    it("CreateCluster: a bad DBName, Encrypted=false, a bad window, retention or version is InvalidParameterValue", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const bad: Partial<CreateClusterCommandInput>[] = [
        { DBName: "Dev" },
        { DBName: "1db" },
        { DBName: "select" },
        { DBName: "x".repeat(65) },
        { Encrypted: false },
        { PreferredMaintenanceWindow: "mon:03:00-mon:03:20" },
        { PreferredMaintenanceWindow: "funday:03:00-mon:04:00" },
        { AutomatedSnapshotRetentionPeriod: 36 },
        { AutomatedSnapshotRetentionPeriod: 0 },
        { ManualSnapshotRetentionPeriod: 0 },
        { ManualSnapshotRetentionPeriod: 3654 },
        { ClusterVersion: "2.0" },
        { MaintenanceTrackName: "beta" },
        { IamRoles: ["not-an-arn"] },
        { AvailabilityZone: "eu-west-1a" },
      ];
      for (const overrides of bad) await expectAwsError(send(c, "x", overrides), "InvalidParameterValue", 400);
      assert.equal((await createCluster(c, "dc2-nosnap", { NodeType: "dc2.large", AutomatedSnapshotRetentionPeriod: 0 })).AutomatedSnapshotRetentionPeriod, 0);
    });

    it("CreateCluster: a DefaultIamRoleArn that is not among IamRoles is InvalidParameterCombination", async () => {
      await using rs = await startServer();
      await expectAwsError(
        send(clientsFor(rs.url, GRANTOR), "x", { DefaultIamRoleArn: "arn:aws:iam::111111111111:role/Other" }),
        "InvalidParameterCombination",
        400,
      );
    });

    it("CreateCluster: a credential scope with an odd region (us.east, us(east) is refused before any zone is compared (403, never a 500)", async () => {
      // Such regions used to reach the zone checks (where they had to be compared as text, not as
      // a pattern); a scope must now name an AWS region, so they are refused at authentication.
      await using rs = await startServer();
      const post = (region: string, zone: string) =>
        rawPost(
          rs.url,
          `Action=CreateCluster&Version=2012-12-01&ClusterIdentifier=odd&NodeType=dc2.large&MasterUsername=admin&MasterUserPassword=Passw0rd1&AvailabilityZone=${encodeURIComponent(zone)}`,
          {
            authorization: `AWS4-HMAC-SHA256 Credential=${GRANTOR}/20260105/${region}/redshift/aws4_request, SignedHeaders=host;x-amz-date, Signature=${"0".repeat(64)}`,
            "x-amz-date": "20260105T100000Z",
          },
        );
      for (const [region, zone] of [["us.east", "usXeasta"], ["us(east", "us(eastz"]] as const) {
        const res = await post(region, zone);
        assert.equal(res.status, 403, res.text);
        assert.match(res.text, /<Code>SignatureDoesNotMatch<\/Code><Message>Credential should be scoped to a valid region\.<\/Message>/);
      }
    });

    it("CreateCluster: missing required members are MissingParameter", async () => {
      await using rs = await startServer({ defaultAccount: GRANTOR });
      for (const missing of ["ClusterIdentifier", "NodeType", "MasterUsername"]) {
        const params: Record<string, string> = { ClusterIdentifier: "x", NodeType: "dc2.large", MasterUsername: "admin", MasterUserPassword: "Passw0rd1" };
        delete params[missing];
        const res = await rawPost(rs.url, `Action=CreateCluster&Version=2012-12-01&${new URLSearchParams(params).toString()}`);
        assert.equal(res.status, 400);
        assert.match(res.text, new RegExp(`<Code>MissingParameter</Code><Message>[^<]*${missing}`));
      }
    });
  });

  describe("errors", () => {
    it("CreateCluster: an identifier taken (any case) is ClusterAlreadyExists, even while deleting", async () => {
      const { rs } = await clockedServer({ delays: { "cluster-delete": 60_000 } });
      await using _rs = rs;
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "taken");
      await expectAwsError(send(c, "TAKEN"), "ClusterAlreadyExistsFault", 400);
      await c.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: "taken", SkipFinalClusterSnapshot: true }));
      assert.equal((await describeCluster(c, "taken")).ClusterStatus, "deleting");
      await expectAwsError(send(c, "taken"), "ClusterAlreadyExistsFault", 400);
    });

    it("CreateCluster: relocation or Multi-AZ on a non-RA3 node type is UnsupportedOperation", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const err = await expectAwsError(send(c, "x", { NodeType: "dc2.large", AvailabilityZoneRelocation: true }), "UnsupportedOperationFault", 400);
      assert.match(err.message, /isn't RA3/);
      await expectAwsError(send(c, "x", { NodeType: "dc2.large", NumberOfNodes: 2, MultiAZ: true }), "UnsupportedOperationFault", 400);
    });

    it("CreateCluster: relocation with public access or Multi-AZ, and Multi-AZ with one node, are InvalidParameterCombination", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await expectAwsError(send(c, "x", { AvailabilityZoneRelocation: true, PubliclyAccessible: true }), "InvalidParameterCombination", 400);
      await expectAwsError(send(c, "x", { NumberOfNodes: 2, AvailabilityZoneRelocation: true, MultiAZ: true }), "InvalidParameterCombination", 400);
      await expectAwsError(send(c, "x", { MultiAZ: true }), "InvalidParameterCombination", 400);
    });

    it("CreateCluster: an unknown or another account's subnet group is ClusterSubnetGroupNotFoundFault (400)", async () => {
      await using rs = await startServer();
      const other = clientsFor(rs.url, GRANTEE);
      await other.redshift.send(new CreateClusterSubnetGroupCommand({ ClusterSubnetGroupName: "theirs", Description: "t", SubnetIds: (await defaultNet(other)).subnetIds }));
      const c = clientsFor(rs.url, GRANTOR);
      await expectAwsError(send(c, "x", { ClusterSubnetGroupName: "nope" }), "ClusterSubnetGroupNotFoundFault", 400);
      await expectAwsError(send(c, "x", { ClusterSubnetGroupName: "theirs" }), "ClusterSubnetGroupNotFoundFault", 400);
    });

    it("CreateCluster: a zone the subnet group does not cover is InvalidVPCNetworkStateFault; Multi-AZ needs two zones", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const net = await createNet(c, 10, ["a"]);
      await c.redshift.send(new CreateClusterSubnetGroupCommand({ ClusterSubnetGroupName: "one-zone", Description: "z", SubnetIds: net.subnetIds }));
      await expectAwsError(send(c, "x", { ClusterSubnetGroupName: "one-zone", AvailabilityZone: "us-east-1c" }), "InvalidVPCNetworkStateFault", 400);
      await expectAwsError(send(c, "x", { ClusterSubnetGroupName: "one-zone", NumberOfNodes: 2, MultiAZ: true }), "InvalidVPCNetworkStateFault", 400);
    });

    it("CreateCluster: a security group that is unknown, another account's, or in another VPC is InvalidParameterValue", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const mine = await createNet(c, 11);
      const theirs = await createNet(clientsFor(rs.url, GRANTEE), 12);
      for (const sg of ["sg-00000000000000000", theirs.sgId, mine.sgId]) {
        await expectAwsError(send(c, "x", { VpcSecurityGroupIds: [sg] }), "InvalidParameterValue", 400);
      }
    });

    it("CreateCluster: nodes beyond nodes-per-account is NumberOfNodesQuotaExceeded, counted per account and region", async () => {
      await using rs = await startServer({ quotas: { "nodes-per-account": 4 } });
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "three", { NumberOfNodes: 3 });
      await expectAwsError(send(c, "two", { NumberOfNodes: 2 }), "NumberOfNodesQuotaExceededFault", 400);
      await createCluster(c, "one");
      await expectAwsError(send(c, "another"), "NumberOfNodesQuotaExceededFault", 400);
      await createCluster(clientsFor(rs.url, GRANTEE), "four", { NumberOfNodes: 4 });
      await createCluster(clientsFor(rs.url, GRANTOR, "eu-west-1"), "four", { NumberOfNodes: 4 });
    });

    it("CreateCluster: the default nodes-per-account quota is 200", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "a", { NodeType: "ra3.16xlarge", NumberOfNodes: 128 });
      await createCluster(c, "b", { NodeType: "ra3.16xlarge", NumberOfNodes: 72 });
      await expectAwsError(send(c, "c"), "NumberOfNodesQuotaExceededFault", 400);
    });
  });
});
