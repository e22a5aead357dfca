import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateClusterParameterGroupCommand,
  DescribeClusterParameterGroupsCommand,
  type CreateClusterParameterGroupCommandInput,
} from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, rawPost, startServer } from "../helpers.js";

const create = (name: string, overrides: Partial<CreateClusterParameterGroupCommandInput> = {}) =>
  new CreateClusterParameterGroupCommand({ ParameterGroupName: name, ParameterGroupFamily: "redshift-1.0", Description: "d", ...overrides });

const DEFAULT_GROUP = { ParameterGroupName: "default.redshift-1.0", ParameterGroupFamily: "redshift-1.0", Description: "Default parameter group for redshift-1.0", Tags: [] };

describe("CreateClusterParameterGroup", () => {
  describe("behaviour", () => {
    it("CreateClusterParameterGroup: answers the group with its name lower-cased, family, description and tags", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const out = await c.redshift.send(create("My-Params", { Description: "Tuned for ETL", Tags: [{ Key: "env", Value: "prod" }] }));
      assert.deepEqual(out.ClusterParameterGroup, {
        ParameterGroupName: "my-params",
        ParameterGroupFamily: "redshift-1.0",
        Description: "Tuned for ETL",
        Tags: [{ Key: "env", Value: "prod" }],
      });
    });

    it("CreateClusterParameterGroup: the wire answer is <CreateClusterParameterGroupResult><ClusterParameterGroup>", async () => {
      await using rs = await startServer({ defaultAccount: GRANTOR });
      const res = await rawPost(rs.url, "Action=CreateClusterParameterGroup&Version=2012-12-01&ParameterGroupName=raw&ParameterGroupFamily=redshift-1.0&Description=d");
      assert.equal(res.status, 200);
      assert.match(res.text, /<CreateClusterParameterGroupResult><ClusterParameterGroup><ParameterGroupName>raw<\/ParameterGroupName>/);
    });
  });

  describe("errors, in order", () => {
    it("CreateClusterParameterGroup: missing members are MissingParameter", async () => {
      await using rs = await startServer({ defaultAccount: GRANTOR });
      const res = await rawPost(rs.url, "Action=CreateClusterParameterGroup&Version=2012-12-01&ParameterGroupName=x&Description=d");
      assert.equal(res.status, 400);
      assert.match(res.text, /<Code>MissingParameter<\/Code>/);
    });

    it("CreateClusterParameterGroup: a name breaking AWS's rules is InvalidParameterValue (before the family is checked)", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      for (const name of ["1abc", "a--b", "ends-", "has_underscore", "default.redshift-1.0", "a".repeat(256), ""]) {
        await expectAwsError(c.redshift.send(create(name, { ParameterGroupFamily: "nope" })), "InvalidParameterValue", 400);
      }
      await c.redshift.send(create("a".repeat(255)));
    });

    it("CreateClusterParameterGroup: an unknown family is InvalidParameterValue", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const err = await expectAwsError(c.redshift.send(create("p", { ParameterGroupFamily: "redshift-9.9" })), "InvalidParameterValue", 400);
      assert.match(err.message, /redshift-9\.9/);
    });

    it("CreateClusterParameterGroup: bad tags are InvalidTagFault, more than 50 TagLimitExceededFault", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await expectAwsError(c.redshift.send(create("p", { Tags: [{ Key: "aws:x", Value: "v" }] })), "InvalidTagFault", 400);
      const many = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
      await expectAwsError(c.redshift.send(create("p", { Tags: many })), "TagLimitExceededFault", 400);
    });

    it("CreateClusterParameterGroup: a name taken in any case is ClusterParameterGroupAlreadyExists; other accounts and regions are apart", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await c.redshift.send(create("taken"));
      await expectAwsError(c.redshift.send(create("TAKEN")), "ClusterParameterGroupAlreadyExistsFault", 400);
      await clientsFor(rs.url, GRANTEE).redshift.send(create("taken"));
      await clientsFor(rs.url, GRANTOR, "eu-west-1").redshift.send(create("taken"));
    });

    it("CreateClusterParameterGroup: the 21st group of an account is ClusterParameterGroupQuotaExceeded (the default group does not count)", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      for (let i = 0; i < 20; i++) await c.redshift.send(create(`g${i}`));
      const err = await expectAwsError(c.redshift.send(create("g20")), "ClusterParameterGroupQuotaExceededFault", 400);
      assert.match(err.message, /20/);
      await clientsFor(rs.url, GRANTEE).redshift.send(create("g20"));
    });

    it("CreateClusterParameterGroup: 25 concurrent creates leave exactly 20 groups, the rest refused with the quota error", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const results = await Promise.allSettled(Array.from({ length: 25 }, (_, i) => c.redshift.send(create(`c${i}`))));
      assert.equal(results.filter((r) => r.status === "fulfilled").length, 20);
      for (const r of results) if (r.status === "rejected") assert.equal((r.reason as Error).name, "ClusterParameterGroupQuotaExceededFault");
      const out = await c.redshift.send(new DescribeClusterParameterGroupsCommand({}));
      assert.equal(out.ParameterGroups!.length, 21);
    });

    it("CreateClusterParameterGroup: --quota parameter-groups-per-account overrides the limit", async () => {
      await using rs = await startServer({ quotas: { "parameter-groups-per-account": 1 } });
      const c = clientsFor(rs.url, GRANTOR);
      await c.redshift.send(create("one"));
      await expectAwsError(c.redshift.send(create("two")), "ClusterParameterGroupQuotaExceededFault", 400);
    });
  });
});

describe("DescribeClusterParameterGroups", () => {
  it("DescribeClusterParameterGroups: a new account sees the default group default.redshift-1.0", async () => {
    await using rs = await startServer();
    const out = await clientsFor(rs.url, GRANTOR).redshift.send(new DescribeClusterParameterGroupsCommand({}));
    assert.deepEqual(out.ParameterGroups, [DEFAULT_GROUP]);
    assert.equal(out.Marker, undefined);
  });

  it("DescribeClusterParameterGroups: the default group first, then the caller's groups in creation order; never another account's", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("b-first"));
    await c.redshift.send(create("a-second"));
    await clientsFor(rs.url, GRANTEE).redshift.send(create("theirs"));
    const out = await c.redshift.send(new DescribeClusterParameterGroupsCommand({}));
    assert.deepEqual(out.ParameterGroups!.map((g) => g.ParameterGroupName), ["default.redshift-1.0", "b-first", "a-second"]);
  });

  it("DescribeClusterParameterGroups: by name in any case, the default group included", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("mine", { Tags: [{ Key: "k", Value: "v" }] }));
    const one = await c.redshift.send(new DescribeClusterParameterGroupsCommand({ ParameterGroupName: "MINE" }));
    assert.deepEqual(one.ParameterGroups, [{ ParameterGroupName: "mine", ParameterGroupFamily: "redshift-1.0", Description: "d", Tags: [{ Key: "k", Value: "v" }] }]);
    const def = await c.redshift.send(new DescribeClusterParameterGroupsCommand({ ParameterGroupName: "Default.Redshift-1.0" }));
    assert.deepEqual(def.ParameterGroups, [DEFAULT_GROUP]);
  });

  it("DescribeClusterParameterGroups: TagKeys/TagValues keep groups with a matching tag (the default group has none)", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("prod", { Tags: [{ Key: "env", Value: "prod" }] }));
    await c.redshift.send(create("test", { Tags: [{ Key: "env", Value: "test" }] }));
    await c.redshift.send(create("bare"));
    const byKey = await c.redshift.send(new DescribeClusterParameterGroupsCommand({ TagKeys: ["env"] }));
    assert.deepEqual(byKey.ParameterGroups!.map((g) => g.ParameterGroupName), ["prod", "test"]);
    const byValue = await c.redshift.send(new DescribeClusterParameterGroupsCommand({ TagValues: ["test"] }));
    assert.deepEqual(byValue.ParameterGroups!.map((g) => g.ParameterGroupName), ["test"]);
    const named = await c.redshift.send(new DescribeClusterParameterGroupsCommand({ ParameterGroupName: "bare", TagKeys: ["env"] }));
    assert.deepEqual(named.ParameterGroups, []);
  });

  it("DescribeClusterParameterGroups: pages of MaxRecords with a Marker, the default group on the first page only", async () => {
    await using rs = await startServer({ quotas: { "parameter-groups-per-account": 50 } });
    const c = clientsFor(rs.url, GRANTOR);
    for (let i = 0; i < 45; i++) await c.redshift.send(create(`g${String(i).padStart(2, "0")}`));
    const names: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const out = await c.redshift.send(new DescribeClusterParameterGroupsCommand({ MaxRecords: 20, Marker: marker }));
      assert.ok(out.ParameterGroups!.length <= 20);
      names.push(...out.ParameterGroups!.map((g) => g.ParameterGroupName!));
      marker = out.Marker;
      pages++;
    } while (marker !== undefined);
    assert.equal(pages, 3);
    assert.deepEqual(names, ["default.redshift-1.0", ...Array.from({ length: 45 }, (_, i) => `g${String(i).padStart(2, "0")}`)]);
  });

  it("DescribeClusterParameterGroups: errors — MaxRecords outside 20–100 and a foreign Marker are InvalidParameterValue; a name with a Marker InvalidParameterCombination; an unknown name ClusterParameterGroupNotFound (404)", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await expectAwsError(c.redshift.send(new DescribeClusterParameterGroupsCommand({ MaxRecords: 19 })), "InvalidParameterValue", 400);
    await expectAwsError(c.redshift.send(new DescribeClusterParameterGroupsCommand({ Marker: "bogus" })), "InvalidParameterValue", 400);
    await expectAwsError(
      c.redshift.send(new DescribeClusterParameterGroupsCommand({ ParameterGroupName: "x", Marker: "bogus" })),
      "InvalidParameterCombination",
      400,
    );
    const missing = await expectAwsError(c.redshift.send(new DescribeClusterParameterGroupsCommand({ ParameterGroupName: "nope" })), "ClusterParameterGroupNotFoundFault", 404);
    assert.equal(missing.message, "ClusterParameterGroup not found: nope");
    await clientsFor(rs.url, GRANTEE).redshift.send(create("theirs"));
    await expectAwsError(c.redshift.send(new DescribeClusterParameterGroupsCommand({ ParameterGroupName: "theirs" })), "ClusterParameterGroupNotFoundFault", 404);
  });
});
