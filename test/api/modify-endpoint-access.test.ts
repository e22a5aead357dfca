import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateSecurityGroupCommand, CreateVpcCommand } from "@aws-sdk/client-ec2";
import {
  DescribeEndpointAccessCommand,
  EndpointNotFoundFault,
  InvalidClusterSecurityGroupStateFault,
  InvalidEndpointStateFault,
  ModifyEndpointAccessCommand,
  PauseClusterCommand,
} from "@aws-sdk/client-redshift";
import { expectAwsError } from "../helpers.js";
import { endpointWorld, grant, granteeEndpoint, type World } from "../fixtures/endpoint-world.js";

const modify = (w: World, VpcSecurityGroupIds: string[] | undefined, EndpointName = "bi") =>
  w.grantee.redshift.send(new ModifyEndpointAccessCommand({ EndpointName, ...(VpcSecurityGroupIds ? { VpcSecurityGroupIds } : {}) }));

const read = async (w: World, EndpointName = "bi") => (await w.grantee.redshift.send(new DescribeEndpointAccessCommand({ EndpointName }))).EndpointAccessList![0]!;

/** A grant, an active grantee endpoint `bi` with the VPC's default group. */
async function activeEndpoint(options: Parameters<typeof endpointWorld>[0] = {}): Promise<World> {
  const w = await endpointWorld(options);
  await grant(w);
  await granteeEndpoint(w, "bi");
  w.settle();
  assert.equal((await read(w)).EndpointStatus, "active");
  return w;
}

describe("ModifyEndpointAccess", () => {
  it("ModifyEndpointAccess: replaces the whole security-group set, answers modifying, then reads active", async () => {
    await using w = await activeEndpoint({ delays: { "endpoint-modify": 60_000 } });
    const out = await modify(w, [w.granteeNet.sgId]);
    assert.equal(out.EndpointStatus, "modifying");
    assert.deepEqual(out.VpcSecurityGroups, [{ VpcSecurityGroupId: w.granteeNet.sgId, Status: "active" }]);
    assert.ok(out.Address, "a modifying endpoint keeps its address");
    assert.equal(out.VpcEndpoint?.NetworkInterfaces?.length, 1);
    assert.equal((await read(w)).EndpointStatus, "modifying");
    w.clock.advance(60_000);
    const after = await read(w);
    assert.equal(after.EndpointStatus, "active");
    assert.deepEqual(after.VpcSecurityGroups?.map((g) => g.VpcSecurityGroupId), [w.granteeNet.sgId]);
    const both = await modify(w, [w.granteeNet.defaultSgId, w.granteeNet.sgId]);
    assert.deepEqual(both.VpcSecurityGroups?.map((g) => g.VpcSecurityGroupId), [w.granteeNet.defaultSgId, w.granteeNet.sgId]);
  });

  it("ModifyEndpointAccess: an unknown name (or another account's endpoint) is EndpointNotFound (404)", async () => {
    await using w = await activeEndpoint();
    const err = await modify(w, [w.granteeNet.sgId], "nope").catch((e: unknown) => e);
    assert.ok(err instanceof EndpointNotFoundFault, `got ${String(err)}`);
    assert.equal(err.$metadata.httpStatusCode, 404);
    await expectAwsError(w.grantor.redshift.send(new ModifyEndpointAccessCommand({ EndpointName: "bi", VpcSecurityGroupIds: [w.grantorNet.sgId] })), "EndpointNotFoundFault", 404);
    // The name is looked up before the (model-optional) security-group list is checked.
    await expectAwsError(modify(w, undefined, "nope"), "EndpointNotFoundFault", 404);
  });

  it("ModifyEndpointAccess: an endpoint that is not active is InvalidEndpointState", async () => {
    await using w = await endpointWorld({ delays: { "endpoint-create": 300_000, "endpoint-modify": 60_000 } });
    await grant(w);
    await granteeEndpoint(w, "bi");
    const err = await modify(w, [w.granteeNet.sgId]).catch((e: unknown) => e);
    assert.ok(err instanceof InvalidEndpointStateFault, `got ${String(err)}`);
    assert.equal(err.$metadata.httpStatusCode, 400);
    w.clock.advance(300_000);
    await modify(w, [w.granteeNet.sgId]);
    await expectAwsError(modify(w, [w.granteeNet.defaultSgId]), "InvalidEndpointStateFault", 400);
    // The state is checked before the new set: an empty, unknown or identical set is still InvalidEndpointState.
    await expectAwsError(modify(w, []), "InvalidEndpointStateFault", 400);
    await expectAwsError(modify(w, ["sg-0123456789abcdef0"]), "InvalidEndpointStateFault", 400);
    await expectAwsError(modify(w, [w.granteeNet.sgId]), "InvalidEndpointStateFault", 400);
  });

  it("ModifyEndpointAccess: an empty or missing set is InvalidParameterValue", async () => {
    await using w = await activeEndpoint();
    await expectAwsError(modify(w, []), "InvalidParameterValue", 400);
    await expectAwsError(modify(w, undefined), "InvalidParameterValue", 400);
    assert.equal((await read(w)).EndpointStatus, "active");
  });

  it("ModifyEndpointAccess: an identical set is InvalidClusterSecurityGroupState with AWS's message", async () => {
    await using w = await activeEndpoint();
    const err = await modify(w, [w.granteeNet.defaultSgId]).catch((e: unknown) => e);
    assert.ok(err instanceof InvalidClusterSecurityGroupStateFault, `got ${String(err)}`);
    assert.equal(err.$metadata.httpStatusCode, 400);
    assert.match(err.message, /The specified VPC security group identifiers are already associated with the endpoint\./);
    await modify(w, [w.granteeNet.sgId, w.granteeNet.defaultSgId]);
    await w.grantee.redshift.send(new DescribeEndpointAccessCommand({}));
    // Order does not make a set different.
    await expectAwsError(modify(w, [w.granteeNet.defaultSgId, w.granteeNet.sgId]), "InvalidClusterSecurityGroupStateFault", 400);
  });

  it("ModifyEndpointAccess: an unknown, foreign or other-VPC security group is InvalidClusterSecurityGroupState", async () => {
    await using w = await activeEndpoint();
    await expectAwsError(modify(w, ["sg-0123456789abcdef0"]), "InvalidClusterSecurityGroupStateFault", 400);
    await expectAwsError(modify(w, [w.grantorNet.sgId]), "InvalidClusterSecurityGroupStateFault", 400);
    const vpc = await w.grantee.ec2.send(new CreateVpcCommand({ CidrBlock: "10.7.0.0/16" }));
    const sg = await w.grantee.ec2.send(new CreateSecurityGroupCommand({ GroupName: "other", Description: "x", VpcId: vpc.Vpc!.VpcId! }));
    await expectAwsError(modify(w, [sg.GroupId!]), "InvalidClusterSecurityGroupStateFault", 400);
    assert.deepEqual((await read(w)).VpcSecurityGroups?.map((g) => g.VpcSecurityGroupId), [w.granteeNet.defaultSgId], "nothing changed");
  });

  it("ModifyEndpointAccess: a paused cluster refuses the change with InvalidClusterState", async () => {
    await using w = await activeEndpoint();
    await w.grantor.redshift.send(new PauseClusterCommand({ ClusterIdentifier: w.cluster }));
    await expectAwsError(modify(w, [w.granteeNet.sgId]), "InvalidClusterStateFault", 400);
  });
});
