/**
 * EC2's limit on filter values (domain/network/filters.ts): at most 200 values in one call, all
 * filters together; more is 400 `FilterLimitExceeded`, on every Describe that takes filters.
 * Wildcard matching still works at the limit.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateSecurityGroupCommand,
  DescribeAvailabilityZonesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
} from "@aws-sdk/client-ec2";
import { GRANTOR, clientsFor, expectAwsError, startServer } from "../helpers.js";

const values = (count: number, prefix = "*x"): string[] => Array.from({ length: count }, (_, i) => `${prefix}${i}*`);

describe("EC2 filter limits", () => {
  it("DescribeSecurityGroups: 201 values in one filter is FilterLimitExceeded (400)", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    const err = await expectAwsError(ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "description", Values: values(201) }] })), "FilterLimitExceeded", 400);
    assert.match(err.message, /200/);
  });

  it("DescribeSecurityGroups: the limit counts the values of all filters together (100 + 101)", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    const Filters = [
      { Name: "description", Values: values(100) },
      { Name: "group-name", Values: values(101) },
    ];
    await expectAwsError(ec2.send(new DescribeSecurityGroupsCommand({ Filters })), "FilterLimitExceeded", 400);
  });

  it("DescribeSecurityGroups: exactly 200 wildcard values work, and the one that matches finds its group", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    const created = await ec2.send(new CreateSecurityGroupCommand({ GroupName: "web", Description: "web tier for the needle app" }));
    const out = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "description", Values: [...values(199), "*n??dle*"] }] }));
    assert.deepEqual(
      out.SecurityGroups?.map((g) => g.GroupId),
      [created.GroupId],
    );
    const none = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "description", Values: values(200) }] }));
    assert.deepEqual(none.SecurityGroups, []);
  });

  it("EC2 Describe*: every Describe that takes filters refuses 201 values with FilterLimitExceeded", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    const Filters = [{ Name: "tag-key", Values: values(201) }];
    await expectAwsError(ec2.send(new DescribeVpcsCommand({ Filters })), "FilterLimitExceeded", 400);
    await expectAwsError(ec2.send(new DescribeSubnetsCommand({ Filters })), "FilterLimitExceeded", 400);
    await expectAwsError(ec2.send(new DescribeNetworkInterfacesCommand({ Filters })), "FilterLimitExceeded", 400);
    await expectAwsError(ec2.send(new DescribeAvailabilityZonesCommand({ Filters: [{ Name: "zone-name", Values: values(201) }] })), "FilterLimitExceeded", 400);
  });

  it(
    "DescribeSecurityGroups: 6,848 wildcard description values over 20 groups are refused with FilterLimitExceeded instead of stalling",
    { timeout: 120_000 },
    async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      for (let i = 0; i < 20; i++) {
        await ec2.send(new CreateSecurityGroupCommand({ GroupName: `g${i}`, Description: `${"a".repeat(200)}${i}` }));
      }
      const attack = Array.from({ length: 6_848 }, (_, i) => `${"*a".repeat(20)}*b${i}`);
      await expectAwsError(ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "description", Values: attack }] })), "FilterLimitExceeded", 400);
      // The server still answers.
      const all = await ec2.send(new DescribeSecurityGroupsCommand({}));
      assert.equal(all.SecurityGroups?.length, 21);
    },
  );
});
