import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { CreateVpcCommand, DescribeVpcAttributeCommand, DescribeVpcsCommand, ModifyVpcAttributeCommand, type EC2Client, type VpcAttributeName } from "@aws-sdk/client-ec2";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, startServer } from "../helpers.js";

async function defaultVpcId(ec2: EC2Client): Promise<string> {
  return (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "is-default", Values: ["true"] }] }))).Vpcs![0]!.VpcId!;
}

async function attribute(ec2: EC2Client, VpcId: string, Attribute: VpcAttributeName): Promise<boolean | undefined> {
  const res = await ec2.send(new DescribeVpcAttributeCommand({ VpcId, Attribute }));
  return (res.EnableDnsSupport ?? res.EnableDnsHostnames ?? res.EnableNetworkAddressUsageMetrics)?.Value;
}

describe("EC2 ModifyVpcAttribute", () => {
  describe("behaviour", () => {
    it("ModifyVpcAttribute: turning DNS hostnames on is reflected by DescribeVpcAttribute, and off again", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.1.0.0/16" }))).Vpc!.VpcId!;
      assert.equal(await attribute(ec2, vpcId, "enableDnsHostnames"), false);
      const res = await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: true } }));
      assert.equal(res.$metadata.httpStatusCode, 200);
      assert.equal(await attribute(ec2, vpcId, "enableDnsHostnames"), true);
      assert.equal(await attribute(ec2, vpcId, "enableDnsSupport"), true, "the other attribute is unchanged");
      await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: false } }));
      assert.equal(await attribute(ec2, vpcId, "enableDnsHostnames"), false);
    });

    it("ModifyVpcAttribute: DNS support and usage metrics can be changed, on the default VPC too", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const vpcId = await defaultVpcId(ec2);
      await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsSupport: { Value: false } }));
      await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableNetworkAddressUsageMetrics: { Value: true } }));
      assert.equal(await attribute(ec2, vpcId, "enableDnsSupport"), false);
      assert.equal(await attribute(ec2, vpcId, "enableNetworkAddressUsageMetrics"), true);
      assert.equal(await attribute(ec2, vpcId, "enableDnsHostnames"), true, "turning support off leaves hostnames as set");
    });

    it("ModifyVpcAttribute: the value persists across a restart of the server on the same file", async (t) => {
      const dir = mkdtempSync(join(tmpdir(), "rl-vpc-attr-"));
      t.after(() => rmSync(dir, { recursive: true, force: true }));
      const store = { kind: "sqlite" as const, dataDir: dir };
      let vpcId: string;
      {
        await using rs = await startServer({ store });
        const { ec2 } = clientsFor(rs.url, GRANTOR);
        vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.2.0.0/16" }))).Vpc!.VpcId!;
        await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: true } }));
      }
      await using rs = await startServer({ store });
      assert.equal(await attribute(clientsFor(rs.url, GRANTOR).ec2, vpcId, "enableDnsHostnames"), true);
    });
  });

  describe("errors", () => {
    it("ModifyVpcAttribute: two attributes in one call → InvalidParameterCombination, before the VPC is looked up", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const err = await expectAwsError(
        ec2.send(new ModifyVpcAttributeCommand({ VpcId: "vpc-0000000000000000f", EnableDnsSupport: { Value: true }, EnableDnsHostnames: { Value: true } })),
        "InvalidParameterCombination",
        400,
      );
      assert.equal(err.message, "Fields for multiple attribute types specified: enableDnsHostnames, enableDnsSupport");
    });

    it("ModifyVpcAttribute: no attribute → MissingParameter; no VpcId → MissingParameter", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const vpcId = await defaultVpcId(ec2);
      await expectAwsError(ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId })), "MissingParameter", 400);
      await expectAwsError(ec2.send(new ModifyVpcAttributeCommand({ EnableDnsSupport: { Value: true } } as never)), "MissingParameter", 400);
    });

    it("ModifyVpcAttribute: a VPC that does not exist, or another account's → InvalidVpcID.NotFound", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      await expectAwsError(ec2.send(new ModifyVpcAttributeCommand({ VpcId: "vpc-0000000000000000f", EnableDnsHostnames: { Value: true } })), "InvalidVpcID.NotFound", 400);
      const theirs = await defaultVpcId(clientsFor(rs.url, GRANTEE).ec2);
      await expectAwsError(ec2.send(new ModifyVpcAttributeCommand({ VpcId: theirs, EnableDnsHostnames: { Value: false } })), "InvalidVpcID.NotFound", 400);
      assert.equal(await attribute(clientsFor(rs.url, GRANTEE).ec2, theirs, "enableDnsHostnames"), true, "the other account's VPC is unchanged");
    });

    it("ModifyVpcAttribute: DNS hostnames on while DNS support is off → InvalidParameterValue, nothing changes", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.3.0.0/16" }))).Vpc!.VpcId!;
      await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsSupport: { Value: false } }));
      await expectAwsError(ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: true } })), "InvalidParameterValue", 400);
      assert.equal(await attribute(ec2, vpcId, "enableDnsHostnames"), false);
    });
  });
});
