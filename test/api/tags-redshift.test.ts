import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import {
  CreateClusterParameterGroupCommand,
  CreateClusterSubnetGroupCommand,
  CreateTagsCommand,
  DeleteClusterCommand,
  DeleteTagsCommand,
  DescribeClusterParameterGroupsCommand,
  DescribeClustersCommand,
  DescribeClusterSubnetGroupsCommand,
  DescribeTagsCommand,
  paginateDescribeTags,
  type DescribeTagsCommandInput,
  type Tag,
} from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, REGION, clientsFor, expectAwsError, startServer, type Clients } from "../helpers.js";
import { clockedServer, createCluster, defaultNet, describeCluster } from "../fixtures/clusters-world.js";

const clusterArn = (name: string, account = GRANTOR, region = REGION) => `arn:aws:redshift:${region}:${account}:cluster:${name}`;
const groupArn = (name: string, account = GRANTOR) => `arn:aws:redshift:${REGION}:${account}:subnetgroup:${name}`;

const tag = (c: Clients, ResourceName: string, Tags: Tag[]) => c.redshift.send(new CreateTagsCommand({ ResourceName, Tags }));
const untag = (c: Clients, ResourceName: string, TagKeys: string[]) => c.redshift.send(new DeleteTagsCommand({ ResourceName, TagKeys }));
const tagsOf = async (c: Clients, input: DescribeTagsCommandInput) =>
  ((await c.redshift.send(new DescribeTagsCommand(input))).TaggedResources ?? []).map((r) => `${r.ResourceType} ${r.ResourceName} ${r.Tag?.Key}=${r.Tag?.Value}`);

async function subnetGroup(c: Clients, name: string, Tags: Tag[] = []): Promise<void> {
  const { subnetIds } = await defaultNet(c);
  await c.redshift.send(new CreateClusterSubnetGroupCommand({ ClusterSubnetGroupName: name, Description: name, SubnetIds: subnetIds, Tags }));
}

describe("Redshift tags", () => {
  describe("behaviour", () => {
    it("CreateTags: adds tags to a cluster that DescribeClusters and DescribeTags then show; a known key takes the new value in place", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh", { Tags: [{ Key: "env", Value: "dev" }] });
      await tag(c, clusterArn("wh"), [{ Key: "owner", Value: "ana" }, { Key: "env", Value: "prod" }]);
      assert.deepEqual((await describeCluster(c, "wh")).Tags, [{ Key: "env", Value: "prod" }, { Key: "owner", Value: "ana" }]);
      assert.deepEqual(await tagsOf(c, { ResourceName: clusterArn("wh") }), [
        `cluster ${clusterArn("wh")} env=prod`,
        `cluster ${clusterArn("wh")} owner=ana`,
      ]);
    });

    it("CreateTags: an ARN's name is matched case-insensitively and DescribeTags answers the stored lower-case ARN", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      await tag(c, clusterArn("WH"), [{ Key: "k" }]);
      assert.deepEqual(await tagsOf(c, { ResourceName: clusterArn("Wh") }), [`cluster ${clusterArn("wh")} k=`]);
    });

    it("CreateTags/DeleteTags: tag a cluster subnet group and remove keys; unknown keys are ignored", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await subnetGroup(c, "grp", [{ Key: "a", Value: "1" }]);
      await tag(c, groupArn("grp"), [{ Key: "b", Value: "2" }, { Key: "c", Value: "3" }]);
      await untag(c, groupArn("grp"), ["a", "c", "never-there"]);
      const out = await c.redshift.send(new DescribeClusterSubnetGroupsCommand({ ClusterSubnetGroupName: "grp" }));
      assert.deepEqual(out.ClusterSubnetGroups![0]!.Tags, [{ Key: "b", Value: "2" }]);
      assert.deepEqual(await tagsOf(c, { ResourceName: groupArn("grp") }), [`subnetgroup ${groupArn("grp")} b=2`]);
    });

    it("CreateTags/DeleteTags: tag a cluster parameter group; DescribeClusterParameterGroups and DescribeTags show the change", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await c.redshift.send(new CreateClusterParameterGroupCommand({ ParameterGroupName: "Tuned", ParameterGroupFamily: "redshift-1.0", Description: "tuned", Tags: [{ Key: "env", Value: "dev" }] }));
      const arn = `arn:aws:redshift:${REGION}:${GRANTOR}:parametergroup:tuned`;
      await tag(c, arn, [{ Key: "owner", Value: "ana" }]);
      await untag(c, arn, ["env"]);
      assert.deepEqual(await tagsOf(c, { ResourceName: arn }), [`parametergroup ${arn} owner=ana`]);
      const { ParameterGroups } = await c.redshift.send(new DescribeClusterParameterGroupsCommand({ ParameterGroupName: "tuned" }));
      assert.deepEqual(ParameterGroups?.[0]?.Tags, [{ Key: "owner", Value: "ana" }]);
    });

    it("DescribeTags: without an ARN lists every tag of the caller's resources, clusters first; ResourceType narrows (ARN type or the documented name)", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await subnetGroup(c, "grp", [{ Key: "team", Value: "data" }]);
      await createCluster(c, "wh", { Tags: [{ Key: "team", Value: "bi" }] });
      await createCluster(c, "bare");
      assert.deepEqual(await tagsOf(c, {}), [`cluster ${clusterArn("wh")} team=bi`, `subnetgroup ${groupArn("grp")} team=data`]);
      assert.deepEqual(await tagsOf(c, { ResourceType: "cluster" }), [`cluster ${clusterArn("wh")} team=bi`]);
      assert.deepEqual(await tagsOf(c, { ResourceType: "Subnet group" }), [`subnetgroup ${groupArn("grp")} team=data`]);
      assert.deepEqual(await tagsOf(c, { ResourceType: "Snapshot" }), [], "a type redshift-local has no resources of lists nothing");
      assert.deepEqual(await tagsOf(c, { ResourceName: clusterArn("bare") }), []);
    });

    it("DescribeTags: TagKeys and TagValues keep the tags with a listed key and a listed value", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh", { Tags: [{ Key: "owner", Value: "admin" }, { Key: "env", Value: "test" }, { Key: "x", Value: "admin" }] });
      assert.deepEqual(await tagsOf(c, { TagKeys: ["owner", "env"] }), [`cluster ${clusterArn("wh")} owner=admin`, `cluster ${clusterArn("wh")} env=test`]);
      assert.deepEqual(await tagsOf(c, { TagValues: ["admin"] }), [`cluster ${clusterArn("wh")} owner=admin`, `cluster ${clusterArn("wh")} x=admin`]);
      assert.deepEqual(await tagsOf(c, { TagKeys: ["owner", "env"], TagValues: ["admin", "test"] }), [
        `cluster ${clusterArn("wh")} owner=admin`,
        `cluster ${clusterArn("wh")} env=test`,
      ]);
      assert.deepEqual(await tagsOf(c, { ResourceName: clusterArn("wh"), TagKeys: ["x"] }), [`cluster ${clusterArn("wh")} x=admin`]);
    });

    it("DescribeTags: pages of MaxRecords entries with a Marker until the last page; the SDK paginator reads them all", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh", { Tags: Array.from({ length: 25 }, (_, i) => ({ Key: `k${String(i).padStart(2, "0")}`, Value: `${i}` })) });
      const first = await c.redshift.send(new DescribeTagsCommand({ MaxRecords: 10 }));
      assert.equal(first.TaggedResources!.length, 10);
      assert.ok(first.Marker);
      const keys: string[] = [];
      for await (const page of paginateDescribeTags({ client: c.redshift, pageSize: 10 }, {})) {
        assert.ok(page.TaggedResources!.length <= 10);
        keys.push(...page.TaggedResources!.map((t) => t.Tag!.Key!));
      }
      assert.equal(keys.length, 25);
      assert.deepEqual(keys, [...keys].sort());
      const last = await c.redshift.send(new DescribeTagsCommand({ MaxRecords: 50 }));
      assert.equal(last.TaggedResources!.length, 25);
      assert.equal(last.Marker, undefined);
    });

    it("DescribeClusters and DescribeClusterSubnetGroups: TagKeys/TagValues follow tags changed by CreateTags/DeleteTags", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      await subnetGroup(c, "grp");
      await tag(c, clusterArn("wh"), [{ Key: "env", Value: "prod" }]);
      await tag(c, groupArn("grp"), [{ Key: "env", Value: "prod" }]);
      const clusters = async () => ((await c.redshift.send(new DescribeClustersCommand({ TagKeys: ["env"] }))).Clusters ?? []).map((x) => x.ClusterIdentifier);
      const groups = async () =>
        ((await c.redshift.send(new DescribeClusterSubnetGroupsCommand({ TagValues: ["prod"] }))).ClusterSubnetGroups ?? []).map((x) => x.ClusterSubnetGroupName);
      assert.deepEqual(await clusters(), ["wh"]);
      assert.deepEqual(await groups(), ["grp"]);
      await untag(c, clusterArn("wh"), ["env"]);
      await untag(c, groupArn("grp"), ["env"]);
      assert.deepEqual(await clusters(), []);
      assert.deepEqual(await groups(), []);
    });

    it("CreateTags: tags persist across a restart of the data directory", async () => {
      const dir = mkdtempSync(join(tmpdir(), "rl-tags-"));
      after(() => rmSync(dir, { recursive: true, force: true }));
      {
        await using rs = await startServer({ store: { kind: "sqlite", dataDir: dir } });
        const c = clientsFor(rs.url, GRANTOR);
        await createCluster(c, "wh");
        await tag(c, clusterArn("wh"), [{ Key: "kept", Value: "yes" }]);
      }
      await using rs = await startServer({ store: { kind: "sqlite", dataDir: dir } });
      assert.deepEqual(await tagsOf(clientsFor(rs.url, GRANTOR), { ResourceName: clusterArn("wh") }), [`cluster ${clusterArn("wh")} kept=yes`]);
    });

    it("Tags: another account sees none of them and cannot change them through the owner's ARN", async () => {
      await using rs = await startServer();
      const owner = clientsFor(rs.url, GRANTOR);
      await createCluster(owner, "wh", { Tags: [{ Key: "secret", Value: "1" }] });
      const other = clientsFor(rs.url, GRANTEE);
      await createCluster(other, "wh");
      assert.deepEqual(await tagsOf(other, {}), []);
      await expectAwsError(tagsOf(other, { ResourceName: clusterArn("wh") }), "ResourceNotFoundFault", 404);
      await expectAwsError(tag(other, clusterArn("wh"), [{ Key: "x" }]), "ResourceNotFoundFault", 404);
      await expectAwsError(untag(other, clusterArn("wh"), ["secret"]), "ResourceNotFoundFault", 404);
      assert.deepEqual(await tagsOf(owner, {}), [`cluster ${clusterArn("wh")} secret=1`]);
      await expectAwsError(tagsOf(owner, { ResourceName: clusterArn("wh", GRANTOR, "eu-west-1") }), "ResourceNotFoundFault", 404);
    });
  });

  describe("errors, in order", () => {
    it("CreateTags: a malformed ARN is InvalidParameterValue, before any tag check", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      for (const arn of ["wh", "arn:aws:ec2:us-east-1:111111111111:vpc/vpc-1", `arn:aws:redshift:${REGION}:1111:cluster:wh`, `arn:aws:redshift:${REGION}:${GRANTOR}:cluster:`]) {
        await expectAwsError(tag(c, arn, [{ Key: "aws:bad" }]), "InvalidParameterValue", 400);
      }
      await expectAwsError(tag(c, `arn:aws:redshift:${REGION}:${GRANTOR}:widget:x`, [{ Key: "k" }]), "InvalidParameterValue", 400);
    });

    it("CreateTags: InvalidTagFault for an empty or long key, a long value, or the reserved aws: prefix, before the resource is looked up", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      for (const bad of [{ Key: "" }, { Key: "k".repeat(129) }, { Key: "k", Value: "v".repeat(257) }, { Key: "AWS:name", Value: "v" }]) {
        await expectAwsError(tag(c, clusterArn("missing"), [bad]), "InvalidTagFault", 400);
      }
      await createCluster(c, "wh");
      await expectAwsError(tag(c, clusterArn("wh"), []), "InvalidTagFault", 400);
      await tag(c, clusterArn("wh"), [{ Key: "k".repeat(128), Value: "v".repeat(256) }]);
    });

    it("CreateTags/DeleteTags/DescribeTags: ResourceNotFoundFault for a resource that does not exist or a type redshift-local has none of", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const err = await expectAwsError(tag(c, clusterArn("missing"), [{ Key: "k" }]), "ResourceNotFoundFault", 404);
      assert.match(err.message, /missing/);
      await expectAwsError(untag(c, groupArn("missing"), ["k"]), "ResourceNotFoundFault", 404);
      await expectAwsError(tagsOf(c, { ResourceName: `arn:aws:redshift:${REGION}:${GRANTOR}:snapshot:wh/snap` }), "ResourceNotFoundFault", 404);
    });

    it("CreateTags: InvalidClusterState while the cluster is being deleted; DeleteTags (no such error in the model) still removes tags", async () => {
      const { rs } = await clockedServer({ delays: { "cluster-delete": 60_000 } });
      await using _rs = rs;
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh", { Tags: [{ Key: "k", Value: "v" }] });
      await c.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: "wh", SkipFinalClusterSnapshot: true }));
      await expectAwsError(tag(c, clusterArn("wh"), [{ Key: "k" }]), "InvalidClusterStateFault", 400);
      await untag(c, clusterArn("wh"), ["k"]);
      assert.deepEqual(await tagsOf(c, { ResourceName: clusterArn("wh") }), []);
    });

    it("CreateTags: TagLimitExceededFault past 50 tags on the resource; overwriting known keys at 50 is allowed", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const fifty = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
      await createCluster(c, "wh", { Tags: fifty.slice(0, 40) });
      await expectAwsError(tag(c, clusterArn("wh"), fifty.slice(30).concat([{ Key: "one-more", Value: "v" }])), "TagLimitExceededFault", 400);
      await tag(c, clusterArn("wh"), fifty.slice(30));
      await tag(c, clusterArn("wh"), [{ Key: "k0", Value: "new" }]);
      await expectAwsError(tag(c, clusterArn("wh"), [{ Key: "k50", Value: "v" }]), "TagLimitExceededFault", 400);
      assert.equal((await describeCluster(c, "wh")).Tags!.length, 50);
    });

    it("DeleteTags: InvalidTagFault for an empty or reserved key", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      await expectAwsError(untag(c, clusterArn("wh"), [""]), "InvalidTagFault", 400);
      await expectAwsError(untag(c, clusterArn("wh"), ["aws:cloudformation:stack-name"]), "InvalidTagFault", 400);
    });

    it("DescribeTags: an ARN with a ResourceType or with MaxRecords/Marker is InvalidParameterCombination; MaxRecords 10–50; an unknown type or marker is InvalidParameterValue", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      await expectAwsError(tagsOf(c, { ResourceName: clusterArn("wh"), ResourceType: "cluster" }), "InvalidParameterCombination", 400);
      await expectAwsError(tagsOf(c, { ResourceName: clusterArn("wh"), MaxRecords: 20 }), "InvalidParameterCombination", 400);
      await expectAwsError(tagsOf(c, { ResourceName: clusterArn("wh"), Marker: "x" }), "InvalidParameterCombination", 400);
      await expectAwsError(tagsOf(c, { MaxRecords: 9 }), "InvalidParameterValue", 400);
      await expectAwsError(tagsOf(c, { MaxRecords: 51 }), "InvalidParameterValue", 400);
      await expectAwsError(tagsOf(c, { ResourceType: "widget" }), "InvalidParameterValue", 400);
      await expectAwsError(tagsOf(c, { Marker: "not-ours" }), "InvalidParameterValue", 400);
    });
  });
});
