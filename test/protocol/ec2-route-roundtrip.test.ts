/**
 * Round trips (test/protocol/roundtrip.ts) of ModifyVpcAttribute, DescribeRouteTables and
 * DescribeNetworkAcls against @aws-sdk/client-ec2: every member of every output shape populated.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DescribeNetworkAclsCommand, DescribeRouteTablesCommand, EC2Client, ModifyVpcAttributeCommand } from "@aws-sdk/client-ec2";
import { assertPopulated, roundTrip as sharedRoundTrip } from "./roundtrip.js";
import { ec2, type Ec2Operation } from "../../src/services/ec2/index.js";

async function roundTrip(name: Ec2Operation, command: { input: object }, output?: Record<string, unknown>): Promise<{ form: string; parsed: unknown }> {
  const op = ec2.operations[name]!;
  if (op.output) assertPopulated(op.output, output, name);
  const result = await sharedRoundTrip(EC2Client, ec2, name, command, output);
  if (output) assert.deepEqual(result.parsed, output, `${name}: parsed output`);
  return result;
}

const TAGS = [{ Key: "Name", Value: "main & co" }];
const FILTERS = [{ Name: "vpc-id", Values: ["vpc-0123456789abcdef0", "vpc-1"] }, { Name: "association.main", Values: ["true"] }];

describe("EC2 route tables, network ACLs and ModifyVpcAttribute round trips", () => {
  it("ModifyVpcAttribute: EnableDnsHostnames.Value and VpcId in, an empty <return>true</return> response parses", async () => {
    const { form, parsed } = await roundTrip("ModifyVpcAttribute", new ModifyVpcAttributeCommand({ VpcId: "vpc-0123456789abcdef0", EnableDnsHostnames: { Value: true } }));
    assert.match(form, /EnableDnsHostnames\.Value=true/);
    assert.match(form, /VpcId=vpc-0123456789abcdef0/);
    assert.deepEqual(parsed, {});
    const other = await roundTrip("ModifyVpcAttribute", new ModifyVpcAttributeCommand({ VpcId: "vpc-1", EnableDnsSupport: { Value: false }, EnableNetworkAddressUsageMetrics: { Value: true } }));
    assert.match(other.form, /EnableDnsSupport\.Value=false/);
    assert.match(other.form, /EnableNetworkAddressUsageMetrics\.Value=true/);
  });

  it("DescribeRouteTables: RouteTableId.N and filters in, <routeTableSet> with routeSet and associationSet out", async () => {
    const table = {
      Associations: [
        {
          Main: true,
          RouteTableAssociationId: "rtbassoc-0123456789abcdef0",
          RouteTableId: "rtb-0123456789abcdef0",
          SubnetId: "subnet-0123456789abcdef0",
          AssociationState: { State: "associated", StatusMessage: "ok" },
        },
      ],
      PropagatingVgws: [{ GatewayId: "vgw-1" }],
      RouteTableId: "rtb-0123456789abcdef0",
      Routes: [{ DestinationCidrBlock: "10.0.0.0/16", GatewayId: "local", Origin: "CreateRouteTable", State: "active" }],
      Tags: TAGS,
      VpcId: "vpc-0123456789abcdef0",
      OwnerId: "111111111111",
    };
    const { form } = await roundTrip(
      "DescribeRouteTables",
      new DescribeRouteTablesCommand({ RouteTableIds: ["rtb-1", "rtb-2"], Filters: FILTERS, MaxResults: 5, NextToken: "tok", DryRun: false }),
      { RouteTables: [table], NextToken: "next" },
    );
    assert.match(form, /RouteTableId\.2=rtb-2/);
    assert.match(form, /Filter\.2\.Name=association\.main/);
  });

  it("DescribeNetworkAcls: NetworkAclId.N and filters in, <networkAclSet> with <default>, entrySet and associationSet out", async () => {
    const acl = {
      Associations: [{ NetworkAclAssociationId: "aclassoc-0123456789abcdef0", NetworkAclId: "acl-0123456789abcdef0", SubnetId: "subnet-0123456789abcdef0" }],
      Entries: [{ CidrBlock: "0.0.0.0/0", Egress: true, Protocol: "-1", RuleAction: "deny", RuleNumber: 32767 }],
      IsDefault: true,
      NetworkAclId: "acl-0123456789abcdef0",
      Tags: TAGS,
      VpcId: "vpc-0123456789abcdef0",
      OwnerId: "111111111111",
    };
    const { form } = await roundTrip(
      "DescribeNetworkAcls",
      new DescribeNetworkAclsCommand({ NetworkAclIds: ["acl-1", "acl-2"], Filters: FILTERS, MaxResults: 5, NextToken: "tok", DryRun: false }),
      { NetworkAcls: [acl], NextToken: "next" },
    );
    assert.match(form, /NetworkAclId\.2=acl-2/);
  });
});
