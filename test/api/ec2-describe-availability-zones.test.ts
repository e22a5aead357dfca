import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DescribeAvailabilityZonesCommand, type DescribeAvailabilityZonesCommandInput } from "@aws-sdk/client-ec2";
import { GRANTOR, clientsFor, expectAwsError, startServer } from "../helpers.js";

describe("EC2 DescribeAvailabilityZones", () => {
  it("DescribeAvailabilityZones: lists the region's three available zones with AWS-style zone ids", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR, "eu-central-1");
    const { AvailabilityZones } = await ec2.send(new DescribeAvailabilityZonesCommand({}));
    assert.deepEqual(
      AvailabilityZones?.map((z) => [z.ZoneName, z.ZoneId]),
      [
        ["eu-central-1a", "euc1-az1"],
        ["eu-central-1b", "euc1-az2"],
        ["eu-central-1c", "euc1-az3"],
      ],
    );
    for (const z of AvailabilityZones) {
      assert.equal(z.State, "available");
      assert.equal(z.RegionName, "eu-central-1");
      assert.equal(z.ZoneType, "availability-zone");
      assert.equal(z.OptInStatus, "opt-in-not-required");
      assert.equal(z.GroupName, "eu-central-1-zg-1");
      assert.equal(z.NetworkBorderGroup, "eu-central-1");
      assert.deepEqual(z.Messages, []);
    }
  });

  it("DescribeAvailabilityZones: region codes of zone ids follow AWS (use1, apse2, usw2)", async () => {
    await using rs = await startServer();
    for (const [region, code] of [
      ["us-east-1", "use1"],
      ["ap-southeast-2", "apse2"],
      ["us-west-2", "usw2"],
    ] as const) {
      const { ec2 } = clientsFor(rs.url, GRANTOR, region);
      const zones = (await ec2.send(new DescribeAvailabilityZonesCommand({}))).AvailabilityZones!;
      assert.equal(zones[0]!.ZoneId, `${code}-az1`);
    }
  });

  it("DescribeAvailabilityZones: ZoneNames, ZoneIds and filters narrow the list", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    const names = async (input: DescribeAvailabilityZonesCommandInput) =>
      (await ec2.send(new DescribeAvailabilityZonesCommand(input))).AvailabilityZones!.map((z) => z.ZoneName);
    assert.deepEqual(await names({ ZoneNames: ["us-east-1b"] }), ["us-east-1b"]);
    assert.deepEqual(await names({ ZoneIds: ["use1-az3"] }), ["us-east-1c"]);
    assert.deepEqual(await names({ ZoneNames: ["us-east-1a"], ZoneIds: ["use1-az3"] }), ["us-east-1a", "us-east-1c"]);
    assert.deepEqual(await names({ Filters: [{ Name: "zone-name", Values: ["us-east-1a", "us-east-1c"] }] }), ["us-east-1a", "us-east-1c"]);
    assert.deepEqual(await names({ Filters: [{ Name: "state", Values: ["available"] }] }), ["us-east-1a", "us-east-1b", "us-east-1c"]);
    assert.deepEqual(await names({ Filters: [{ Name: "region-name", Values: ["eu-west-1"] }] }), []);
    assert.deepEqual(await names({ AllAvailabilityZones: true }), ["us-east-1a", "us-east-1b", "us-east-1c"]);
  });

  it("DescribeAvailabilityZones: an unknown zone → InvalidParameterValue; an unknown filter → InvalidParameterValue", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    const err = await expectAwsError(ec2.send(new DescribeAvailabilityZonesCommand({ ZoneNames: ["us-east-1z"] })), "InvalidParameterValue", 400);
    assert.equal(err.message, "Invalid availability zone: [us-east-1z]");
    await expectAwsError(ec2.send(new DescribeAvailabilityZonesCommand({ ZoneIds: ["use1-az7"] })), "InvalidParameterValue", 400);
    await expectAwsError(ec2.send(new DescribeAvailabilityZonesCommand({ Filters: [{ Name: "tag:Name", Values: ["x"] }] })), "InvalidParameterValue", 400);
  });
});
