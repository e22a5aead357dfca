/**
 * Members the model constrains and the product does not emulate are still checked as the model says
 * (enum, pattern, length, integer), answering 400 InvalidParameterValue naming the parameter; valid
 * values are accepted (and ignored). The SDK clients do not validate, so bad values reach the server.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateSubnetCommand, CreateVpcCommand, DescribeNetworkInterfacesCommand } from "@aws-sdk/client-ec2";
import { CreateClusterCommand, ModifyClusterCommand } from "@aws-sdk/client-redshift";
import { GRANTOR, clientsFor, expectAwsError, rawPost, startServer } from "../helpers.js";

const cluster = (extra: Record<string, unknown>): CreateClusterCommand =>
  new CreateClusterCommand({
    ClusterIdentifier: "analytics",
    NodeType: "ra3.xlplus",
    NumberOfNodes: 2,
    MasterUsername: "admin",
    MasterUserPassword: "Passw0rd1",
    ...extra,
  });

describe("model constraints", () => {
  it("CreateCluster: AquaConfigurationStatus outside enabled | disabled | auto is InvalidParameterValue naming it", async () => {
    await using rs = await startServer();
    const { redshift } = clientsFor(rs.url, GRANTOR);
    for (const bad of ["on", "ENABLED", ""]) {
      const err = await expectAwsError(redshift.send(cluster({ AquaConfigurationStatus: bad })), "InvalidParameterValue", 400);
      assert.match(err.message, /AquaConfigurationStatus/);
    }
  });

  it("CreateCluster: a valid AquaConfigurationStatus is accepted and AQUA is reported as AWS decides it (the parameter is retired)", async () => {
    await using rs = await startServer();
    const { redshift } = clientsFor(rs.url, GRANTOR);
    const out = await redshift.send(cluster({ AquaConfigurationStatus: "enabled" }));
    assert.equal(out.Cluster?.AquaConfiguration?.AquaConfigurationStatus, "auto");
  });

  it("CreateCluster: CatalogName must be 1–64 lowercase letters, digits, _ and -, with a letter (the model's pattern)", async () => {
    await using rs = await startServer();
    const { redshift } = clientsFor(rs.url, GRANTOR);
    for (const bad of ["", "UPPER", "123_-", "a b", "a".repeat(65), "catalog!", "é"]) {
      const err = await expectAwsError(redshift.send(cluster({ CatalogName: bad })), "InvalidParameterValue", 400);
      assert.match(err.message, /CatalogName/, JSON.stringify(bad));
    }
    const out = await redshift.send(cluster({ CatalogName: "my-catalog_01" }));
    assert.equal(out.Cluster?.ClusterIdentifier, "analytics");
    await redshift.send(cluster({ ClusterIdentifier: "second", CatalogName: `1${"a".repeat(63)}` }));
  });

  it("CreateCluster/ModifyCluster: a malformed ExtraComputeForAutomaticOptimization is InvalidParameterValue naming it", async () => {
    await using rs = await startServer();
    const err = await rawPost(
      rs.url,
      "Action=CreateCluster&Version=2012-12-01&ClusterIdentifier=a&NodeType=ra3.xlplus&NumberOfNodes=2&MasterUsername=admin&MasterUserPassword=Passw0rd1&ExtraComputeForAutomaticOptimization=yes",
    );
    assert.equal(err.status, 400);
    assert.match(err.text, /<Code>InvalidParameterValue<\/Code>/);
    assert.match(err.text, /ExtraComputeForAutomaticOptimization/);
    const { redshift } = clientsFor(rs.url, GRANTOR);
    await redshift.send(cluster({ ExtraComputeForAutomaticOptimization: true }));
    const modify = await expectAwsError(
      redshift.send(new ModifyClusterCommand({ ClusterIdentifier: "analytics", ExtraComputeForAutomaticOptimization: "maybe" as never })),
      "InvalidParameterValue",
      400,
    );
    assert.match(modify.message, /ExtraComputeForAutomaticOptimization/);
  });

  it("CreateVpc/CreateSubnet: Ipv4NetmaskLength must be an integer from 0 to 32 (Ipv6NetmaskLength 0 to 128)", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    for (const bad of [1.5, 33, -1]) {
      const err = await expectAwsError(ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16", Ipv4NetmaskLength: bad })), "InvalidParameterValue", 400);
      assert.match(err.message, /Ipv4NetmaskLength/);
    }
    const v6 = await expectAwsError(ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16", Ipv6NetmaskLength: 129 })), "InvalidParameterValue", 400);
    assert.match(v6.message, /Ipv6NetmaskLength/);
    const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16", Ipv4NetmaskLength: 24 }));
    const VpcId = vpc.Vpc!.VpcId!;
    const sub = await expectAwsError(ec2.send(new CreateSubnetCommand({ VpcId, CidrBlock: "10.0.1.0/24", Ipv4NetmaskLength: 40 })), "InvalidParameterValue", 400);
    assert.match(sub.message, /Ipv4NetmaskLength/);
    const notNumber = await expectAwsError(
      ec2.send(new CreateSubnetCommand({ VpcId, CidrBlock: "10.0.1.0/24", Ipv4NetmaskLength: "abc" as never })),
      "InvalidParameterValue",
      400,
    );
    assert.match(notNumber.message, /Ipv4NetmaskLength/);
    await ec2.send(new CreateSubnetCommand({ VpcId, CidrBlock: "10.0.1.0/24", Ipv4NetmaskLength: 24, Ipv6Native: false }));
  });

  it("CreateVpc: VpcEncryptionControl values outside the model's enums are InvalidParameterValue naming the member", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    const err = await expectAwsError(
      ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16", VpcEncryptionControl: { Mode: "strict" as never } })),
      "InvalidParameterValue",
      400,
    );
    assert.match(err.message, /VpcEncryptionControl\.Mode/);
    await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16", VpcEncryptionControl: { Mode: "monitor", LambdaExclusion: "enable" } }));
  });

  it("DescribeNetworkInterfaces: IncludeManagedResources is a boolean", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    await ec2.send(new DescribeNetworkInterfacesCommand({ IncludeManagedResources: true }));
    const err = await expectAwsError(ec2.send(new DescribeNetworkInterfacesCommand({ IncludeManagedResources: "yes" as never })), "InvalidParameterValue", 400);
    assert.match(err.message, /IncludeManagedResources/);
  });
});

describe("validation messages", () => {
  it("validation: a refused value is quoted literally in the message, `$&`, `` $` `` and `$'` included, and never multiplies its size", async () => {
    await using rs = await startServer();
    const { redshift } = clientsFor(rs.url, GRANTOR);
    const value = "$`$&$'".repeat(2_000);
    const err = await expectAwsError(redshift.send(cluster({ CatalogName: value })), "InvalidParameterValue", 400);
    assert.ok(err.message.includes(value), "the value appears as sent");
    assert.ok(err.message.length < value.length + 200, `message of ${err.message.length} characters`);
  });
});
