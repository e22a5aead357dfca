import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateVpcCommand, DescribeVpcAttributeCommand, DescribeVpcsCommand, type EC2Client, type VpcAttributeName } from "@aws-sdk/client-ec2";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, rawPost, startServer } from "../helpers.js";

async function defaultVpcId(ec2: EC2Client): Promise<string> {
  return (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "is-default", Values: ["true"] }] }))).Vpcs![0]!.VpcId!;
}

async function attributes(ec2: EC2Client, VpcId: string): Promise<Record<string, boolean | undefined>> {
  const names: VpcAttributeName[] = ["enableDnsSupport", "enableDnsHostnames", "enableNetworkAddressUsageMetrics"];
  const out: Record<string, boolean | undefined> = {};
  for (const Attribute of names) {
    const res = await ec2.send(new DescribeVpcAttributeCommand({ VpcId, Attribute }));
    assert.equal(res.VpcId, VpcId);
    const key = (Attribute[0]!.toUpperCase() + Attribute.slice(1)) as "EnableDnsSupport" | "EnableDnsHostnames" | "EnableNetworkAddressUsageMetrics";
    out[Attribute] = res[key]?.Value;
    const others = (["EnableDnsSupport", "EnableDnsHostnames", "EnableNetworkAddressUsageMetrics"] as const).filter((k) => k !== key);
    for (const other of others) assert.equal(res[other], undefined, `${Attribute}: only the asked attribute is returned, not ${other}`);
  }
  return out;
}

describe("EC2 DescribeVpcAttribute", () => {
  describe("behaviour", () => {
    it("DescribeVpcAttribute: the default VPC has DNS support and DNS hostnames on, usage metrics off", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTEE);
      assert.deepEqual(await attributes(ec2, await defaultVpcId(ec2)), {
        enableDnsSupport: true,
        enableDnsHostnames: true,
        enableNetworkAddressUsageMetrics: false,
      });
    });

    it("DescribeVpcAttribute: a VPC made with CreateVpc has DNS support on, DNS hostnames and usage metrics off", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.20.0.0/16" }))).Vpc!.VpcId!;
      assert.deepEqual(await attributes(ec2, vpcId), {
        enableDnsSupport: true,
        enableDnsHostnames: false,
        enableNetworkAddressUsageMetrics: false,
      });
    });

    it("DescribeVpcAttribute: the XML carries <vpcId> and <enableDnsHostnames><value>", async () => {
      await using rs = await startServer({ defaultAccount: GRANTOR });
      const vpcId = await defaultVpcId(clientsFor(rs.url, GRANTOR).ec2);
      const res = await rawPost(rs.url, `Action=DescribeVpcAttribute&Version=2016-11-15&VpcId=${vpcId}&Attribute=enableDnsHostnames`);
      assert.equal(res.status, 200);
      assert.match(res.text, new RegExp(`<vpcId>${vpcId}</vpcId>`));
      assert.match(res.text, /<enableDnsHostnames><value>true<\/value><\/enableDnsHostnames>/);
      assert.doesNotMatch(res.text, /enableDnsSupport/);
    });
  });

  describe("errors", () => {
    it("DescribeVpcAttribute: a VPC that does not exist, or another account's, → InvalidVpcID.NotFound", async () => {
      await using rs = await startServer();
      const grantor = clientsFor(rs.url, GRANTOR).ec2;
      const err = await expectAwsError(grantor.send(new DescribeVpcAttributeCommand({ VpcId: "vpc-0000000000000000f", Attribute: "enableDnsSupport" })), "InvalidVpcID.NotFound", 400);
      assert.equal(err.message, "The vpc ID 'vpc-0000000000000000f' does not exist");
      const theirs = await defaultVpcId(clientsFor(rs.url, GRANTEE).ec2);
      await expectAwsError(grantor.send(new DescribeVpcAttributeCommand({ VpcId: theirs, Attribute: "enableDnsSupport" })), "InvalidVpcID.NotFound", 400);
    });

    it("DescribeVpcAttribute: an unknown attribute → InvalidParameterValue; a missing one or missing VpcId → MissingParameter", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const vpcId = await defaultVpcId(ec2);
      const err = await expectAwsError(ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: "enableDnsFoo" as VpcAttributeName })), "InvalidParameterValue", 400);
      assert.match(err.message, /enableDnsFoo/);
      await expectAwsError(ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpcId } as never)), "MissingParameter", 400);
      await expectAwsError(ec2.send(new DescribeVpcAttributeCommand({ Attribute: "enableDnsSupport" } as never)), "MissingParameter", 400);
    });

    it("DescribeVpcAttribute: DryRun=true → 412 DryRunOperation", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const vpcId = await defaultVpcId(ec2);
      await expectAwsError(ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: "enableDnsSupport", DryRun: true })), "DryRunOperation", 412);
    });
  });
});
