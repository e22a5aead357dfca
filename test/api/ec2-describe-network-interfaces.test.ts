import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DeleteSecurityGroupCommand, DeleteSubnetCommand, DescribeNetworkInterfacesCommand, paginateDescribeNetworkInterfaces, type EC2Client } from "@aws-sdk/client-ec2";
import { DeleteEndpointAccessCommand, DescribeEndpointAccessCommand, ModifyEndpointAccessCommand, type VpcEndpoint } from "@aws-sdk/client-redshift";
import { GRANTEE, expectAwsError } from "../helpers.js";
import { endpointWorld, grant, granteeEndpoint, type World } from "../fixtures/endpoint-world.js";

/** Creates a grantee endpoint and returns its VpcEndpoint as DescribeEndpointAccess shows it once active. */
async function endpoint(w: World, name: string, extra: { VpcSecurityGroupIds?: string[] } = {}): Promise<VpcEndpoint> {
  await granteeEndpoint(w, name, extra);
  w.settle();
  const out = await w.grantee.redshift.send(new DescribeEndpointAccessCommand({ EndpointName: name }));
  return out.EndpointAccessList![0]!.VpcEndpoint!;
}

const ids = (out: { NetworkInterfaces?: { NetworkInterfaceId?: string }[] }) => (out.NetworkInterfaces ?? []).map((n) => n.NetworkInterfaceId);
const byFilter = async (ec2: EC2Client, Name: string, Values: string[]) => ids(await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name, Values }] })));

describe("EC2 DescribeNetworkInterfaces", () => {
  describe("behaviour", () => {
    it("DescribeNetworkInterfaces: a Redshift-managed endpoint's interface appears in the endpoint owner's account, as the endpoint describes it", async () => {
      await using w = await endpointWorld();
      await grant(w);
      const vpce = await endpoint(w, "grantee-ep", { VpcSecurityGroupIds: [w.granteeNet.sgId] });
      const eni = vpce.NetworkInterfaces![0]!;
      const out = await w.grantee.ec2.send(new DescribeNetworkInterfacesCommand({}));
      assert.equal(out.NetworkInterfaces?.length, 1);
      const ni = out.NetworkInterfaces?.[0];
      assert.ok(ni);
      assert.equal(ni.NetworkInterfaceId, eni.NetworkInterfaceId);
      assert.equal(ni.SubnetId, eni.SubnetId);
      assert.equal(ni.PrivateIpAddress, eni.PrivateIpAddress);
      assert.equal(ni.AvailabilityZone, eni.AvailabilityZone);
      assert.equal(ni.VpcId, w.granteeNet.vpcId);
      assert.equal(ni.OwnerId, GRANTEE);
      assert.deepEqual(ni.Groups, [{ GroupId: w.granteeNet.sgId, GroupName: "grantee-sng-extra" }]);
      assert.equal(ni.InterfaceType, "vpc_endpoint");
      assert.equal(ni.RequesterManaged, true);
      assert.equal(ni.Status, "in-use");
      assert.equal(ni.Description, `VPC Endpoint Interface ${vpce.VpcEndpointId}`);
      assert.match(ni.MacAddress!, /^02(:[0-9a-f]{2}){5}$/);
      assert.equal(ni.PrivateDnsName, `ip-${eni.PrivateIpAddress!.replaceAll(".", "-")}.ec2.internal`);
      assert.deepEqual(ni.PrivateIpAddresses, [{ Primary: true, PrivateDnsName: ni.PrivateDnsName, PrivateIpAddress: eni.PrivateIpAddress }]);
      assert.deepEqual(ni.Ipv6Addresses, []);
      assert.deepEqual(ids(await w.grantor.ec2.send(new DescribeNetworkInterfacesCommand({}))), [], "the cluster owner does not see it");
    });

    it("DescribeNetworkInterfaces: the interface follows its endpoint's security groups and goes with the endpoint", async () => {
      await using w = await endpointWorld({ delays: { "endpoint-delete": 60_000 } });
      await grant(w);
      const eniId = (await endpoint(w, "grantee-ep")).NetworkInterfaces![0]!.NetworkInterfaceId!;
      assert.deepEqual(await byFilter(w.grantee.ec2, "group-id", [w.granteeNet.defaultSgId]), [eniId], "no groups named: the VPC's default group");
      await w.grantee.redshift.send(new ModifyEndpointAccessCommand({ EndpointName: "grantee-ep", VpcSecurityGroupIds: [w.granteeNet.sgId] }));
      assert.deepEqual(await byFilter(w.grantee.ec2, "group-id", [w.granteeNet.sgId]), [eniId]);
      assert.deepEqual(await byFilter(w.grantee.ec2, "group-id", [w.granteeNet.defaultSgId]), []);
      w.settle();
      await w.grantee.redshift.send(new DeleteEndpointAccessCommand({ EndpointName: "grantee-ep" }));
      assert.deepEqual(ids(await w.grantee.ec2.send(new DescribeNetworkInterfacesCommand({}))), [eniId], "still there while the endpoint is deleting");
      w.settle();
      assert.deepEqual(ids(await w.grantee.ec2.send(new DescribeNetworkInterfacesCommand({}))), []);
      await expectAwsError(w.grantee.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eniId] })), "InvalidNetworkInterfaceID.NotFound", 400);
    });

    it("DescribeNetworkInterfaces: subnet-id, vpc-id, group-id, description, interface-type, status, private-ip-address and tag filters", async () => {
      await using w = await endpointWorld();
      await grant(w);
      const first = await endpoint(w, "first");
      const second = await endpoint(w, "second");
      const [a, b] = [first.NetworkInterfaces![0]!, second.NetworkInterfaces![0]!];
      assert.notEqual(a.SubnetId, b.SubnetId, "endpoints spread over the group's subnets");
      const ec2 = w.grantee.ec2;
      assert.deepEqual(await byFilter(ec2, "subnet-id", [a.SubnetId!]), [a.NetworkInterfaceId]);
      assert.deepEqual(await byFilter(ec2, "vpc-id", [w.granteeNet.vpcId]), [a.NetworkInterfaceId, b.NetworkInterfaceId]);
      assert.deepEqual(await byFilter(ec2, "vpc-id", [w.grantorNet.vpcId]), []);
      assert.deepEqual(await byFilter(ec2, "description", [`VPC Endpoint Interface ${second.VpcEndpointId}`]), [b.NetworkInterfaceId]);
      assert.deepEqual(await byFilter(ec2, "description", ["AWS Lambda VPC ENI*"]), [], "what Terraform looks for before deleting a subnet");
      assert.deepEqual(await byFilter(ec2, "interface-type", ["vpc_endpoint"]), [a.NetworkInterfaceId, b.NetworkInterfaceId]);
      assert.deepEqual(await byFilter(ec2, "status", ["available"]), []);
      assert.deepEqual(await byFilter(ec2, "private-ip-address", [b.PrivateIpAddress!]), [b.NetworkInterfaceId]);
      assert.deepEqual(await byFilter(ec2, "availability-zone", [a.AvailabilityZone!]), [a.NetworkInterfaceId]);
      assert.deepEqual(await byFilter(ec2, "requester-managed", ["true"]), [a.NetworkInterfaceId, b.NetworkInterfaceId]);
      assert.deepEqual(await byFilter(ec2, "attachment.instance-id", ["*"]), [], "no attachment");
      assert.deepEqual(await byFilter(ec2, "tag:Name", ["*"]), []);
      assert.deepEqual(ids(await ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [b.NetworkInterfaceId!] }))), [b.NetworkInterfaceId]);
    });

    it("DescribeNetworkInterfaces: MaxResults pages through every interface once", async () => {
      await using w = await endpointWorld();
      await grant(w);
      const created: string[] = [];
      for (const name of ["ep-a", "ep-b", "ep-c", "ep-d", "ep-e"]) created.push((await endpoint(w, name)).NetworkInterfaces![0]!.NetworkInterfaceId!);
      const first = await w.grantee.ec2.send(new DescribeNetworkInterfacesCommand({ MaxResults: 5 }));
      assert.equal(first.NextToken, undefined, "exactly one page");
      const seen: string[] = [];
      for await (const page of paginateDescribeNetworkInterfaces({ client: w.grantee.ec2, pageSize: 5 }, {})) seen.push(...ids(page).map(String));
      assert.deepEqual(seen, created);
    });

    it("DescribeNetworkInterfaces: a subnet or security group holding an endpoint interface cannot be deleted", async () => {
      await using w = await endpointWorld();
      await grant(w);
      const eni = (await endpoint(w, "ep", { VpcSecurityGroupIds: [w.granteeNet.sgId] })).NetworkInterfaces![0]!;
      await expectAwsError(w.grantee.ec2.send(new DeleteSecurityGroupCommand({ GroupId: w.granteeNet.sgId })), "DependencyViolation", 400);
      await expectAwsError(w.grantee.ec2.send(new DeleteSubnetCommand({ SubnetId: eni.SubnetId! })), "DependencyViolation", 400);
      assert.deepEqual(await byFilter(w.grantee.ec2, "group-id", [w.granteeNet.sgId]), [eni.NetworkInterfaceId], "what is in the way is listed");
    });
  });

  describe("errors", () => {
    it("DescribeNetworkInterfaces: an unknown id → InvalidNetworkInterfaceID.NotFound naming it", async () => {
      await using w = await endpointWorld();
      const err = await expectAwsError(
        w.grantee.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: ["eni-0123456789abcdef0"] })),
        "InvalidNetworkInterfaceID.NotFound",
        400,
      );
      assert.equal(err.message, "The networkInterface ID 'eni-0123456789abcdef0' does not exist");
    });

    it("DescribeNetworkInterfaces: NetworkInterfaceIds with MaxResults → InvalidParameterCombination; an unknown filter → InvalidParameterValue", async () => {
      await using w = await endpointWorld();
      await grant(w);
      const eniId = (await endpoint(w, "ep")).NetworkInterfaces![0]!.NetworkInterfaceId!;
      await expectAwsError(w.grantee.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eniId], MaxResults: 5 })), "InvalidParameterCombination", 400);
      const err = await expectAwsError(w.grantee.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: "colour", Values: ["x"] }] })), "InvalidParameterValue", 400);
      assert.equal(err.message, "The filter 'colour' is invalid");
      await expectAwsError(w.grantee.ec2.send(new DescribeNetworkInterfacesCommand({ MaxResults: 4 })), "InvalidParameterValue", 400);
    });
  });
});
