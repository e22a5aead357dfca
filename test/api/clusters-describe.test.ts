import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DescribeClustersCommand, paginateDescribeClusters } from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, rawPost, startServer, type Clients } from "../helpers.js";
import { START, clockedServer, createCluster } from "../fixtures/clusters-world.js";

const ids = (out: { Clusters?: { ClusterIdentifier?: string }[] }) => (out.Clusters ?? []).map((c) => c.ClusterIdentifier);

async function many(c: Clients, n: number): Promise<string[]> {
  const all = Array.from({ length: n }, (_, i) => `c-${String(i).padStart(3, "0")}`);
  for (const id of all) await createCluster(c, id, { NodeType: "dc2.large" });
  return all;
}

describe("DescribeClusters", () => {
  describe("behaviour", () => {
    it("DescribeClusters: lists the caller's clusters in creation order", async () => {
      const { rs, clock } = await clockedServer();
      await using _rs = rs;
      const c = clientsFor(rs.url, GRANTOR);
      for (const id of ["zeta", "alpha", "mid"]) {
        await createCluster(c, id);
        clock.advance(1000);
      }
      const out = await c.redshift.send(new DescribeClustersCommand({}));
      assert.deepEqual(ids(out), ["zeta", "alpha", "mid"]);
      assert.equal(out.Marker, undefined);
    });

    it("DescribeClusters: an unchanged cluster read again reports the next maintenance window as the clock passes it", async () => {
      const { rs, clock } = await clockedServer();
      await using _rs = rs;
      const c = clientsFor(rs.url, GRANTOR);
      // START is Monday 2026-01-05 10:00 UTC: the window opens an hour later.
      await createCluster(c, "wh", { PreferredMaintenanceWindow: "mon:11:00-mon:11:30" });
      const next = async () => (await c.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "wh" }))).Clusters?.[0]?.NextMaintenanceWindowStartTime?.getTime();
      const HOUR = 3_600_000;
      assert.equal(await next(), START + HOUR);
      assert.equal(await next(), START + HOUR, "read again, unchanged");
      clock.advance(2 * HOUR);
      assert.equal(await next(), START + HOUR + 7 * 24 * HOUR, "the cluster did not change, the window did");
    });

    it("DescribeClusters: an identifier is matched case-insensitively", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "mixed-case");
      assert.deepEqual(ids(await c.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "Mixed-CASE" }))), ["mixed-case"]);
    });

    it("DescribeClusters: another account or region sees nothing and gets ClusterNotFound", async () => {
      await using rs = await startServer();
      await createCluster(clientsFor(rs.url, GRANTOR), "private");
      for (const other of [clientsFor(rs.url, GRANTEE), clientsFor(rs.url, GRANTOR, "eu-west-1")]) {
        assert.deepEqual(ids(await other.redshift.send(new DescribeClustersCommand({}))), []);
        await expectAwsError(other.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "private" })), "ClusterNotFoundFault", 404);
      }
    });

    it("DescribeClusters: TagKeys and TagValues keep clusters with a matching tag", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "a-dev", { Tags: [{ Key: "env", Value: "dev" }, { Key: "team", Value: "bi" }] });
      await createCluster(c, "b-prod", { Tags: [{ Key: "env", Value: "prod" }] });
      await createCluster(c, "c-none");
      const q = async (input: object) => ids(await c.redshift.send(new DescribeClustersCommand(input)));
      assert.deepEqual(await q({ TagKeys: ["env"] }), ["a-dev", "b-prod"]);
      assert.deepEqual(await q({ TagKeys: ["team", "nope"] }), ["a-dev"]);
      assert.deepEqual(await q({ TagValues: ["prod"] }), ["b-prod"]);
      assert.deepEqual(await q({ TagKeys: ["env"], TagValues: ["dev", "prod"] }), ["a-dev", "b-prod"]);
      assert.deepEqual(await q({ TagKeys: ["team"], TagValues: ["prod"] }), []);
      assert.deepEqual(await q({ ClusterIdentifier: "c-none", TagKeys: ["env"] }), []);
    });

    it("DescribeClusters: the XML lists each cluster as <Clusters><Cluster>", async () => {
      await using rs = await startServer({ defaultAccount: GRANTOR });
      await createCluster(clientsFor(rs.url, GRANTOR), "xml");
      const res = await rawPost(rs.url, "Action=DescribeClusters&Version=2012-12-01");
      assert.equal(res.status, 200);
      assert.match(res.text, /<DescribeClustersResult><Clusters><Cluster><ClusterIdentifier>xml<\/ClusterIdentifier>/);
      assert.doesNotMatch(res.text, /<Marker>/);
    });
  });

  describe("pagination", () => {
    it("DescribeClusters: pages of MaxRecords with a Marker while more remain; the SDK paginator walks them all", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const all = await many(c, 45);
      const first = await c.redshift.send(new DescribeClustersCommand({ MaxRecords: 20 }));
      assert.deepEqual(ids(first), all.slice(0, 20));
      assert.ok(first.Marker);
      const second = await c.redshift.send(new DescribeClustersCommand({ MaxRecords: 20, Marker: first.Marker }));
      assert.deepEqual(ids(second), all.slice(20, 40));
      const last = await c.redshift.send(new DescribeClustersCommand({ MaxRecords: 20, Marker: second.Marker }));
      assert.deepEqual(ids(last), all.slice(40));
      assert.equal(last.Marker, undefined);
      assert.deepEqual(ids(await c.redshift.send(new DescribeClustersCommand({}))), all, "default page size is 100");
      const walked: string[] = [];
      for await (const page of paginateDescribeClusters({ client: c.redshift, pageSize: 20 }, {})) walked.push(...(ids(page) as string[]));
      assert.deepEqual(walked, all);
    });

    it("DescribeClusters: tag filters page over matching clusters only", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const tagged: string[] = [];
      for (let i = 0; i < 50; i++) {
        const id = `t-${String(i).padStart(2, "0")}`;
        const Tags = i % 2 === 0 ? [{ Key: "keep", Value: "yes" }] : [];
        await createCluster(c, id, { NodeType: "dc2.large", Tags });
        if (i % 2 === 0) tagged.push(id);
      }
      const first = await c.redshift.send(new DescribeClustersCommand({ MaxRecords: 20, TagKeys: ["keep"] }));
      assert.deepEqual(ids(first), tagged.slice(0, 20));
      const rest = await c.redshift.send(new DescribeClustersCommand({ MaxRecords: 20, TagKeys: ["keep"], Marker: first.Marker }));
      assert.deepEqual(ids(rest), tagged.slice(20));
      assert.equal(rest.Marker, undefined);
    });

    it("DescribeClusters: a tag filter finds matches spread far apart in the store", async () => {
      await using rs = await startServer({ quotas: { "nodes-per-account": 1000 } });
      const c = clientsFor(rs.url, GRANTOR);
      for (let i = 0; i < 230; i++) {
        const Tags = i === 5 || i === 225 ? [{ Key: "rare", Value: "1" }] : [];
        await createCluster(c, `r-${String(i).padStart(3, "0")}`, { NodeType: "dc2.large", Tags });
      }
      const out = await c.redshift.send(new DescribeClustersCommand({ MaxRecords: 20, TagKeys: ["rare"] }));
      assert.deepEqual(ids(out), ["r-005", "r-225"]);
      assert.equal(out.Marker, undefined);
    });

    it("DescribeClusters: MaxRecords outside 20–100 or a Marker we did not issue is InvalidParameterValue", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      for (const MaxRecords of [19, 101, -1]) await expectAwsError(c.redshift.send(new DescribeClustersCommand({ MaxRecords })), "InvalidParameterValue", 400);
      await expectAwsError(c.redshift.send(new DescribeClustersCommand({ Marker: "garbage" })), "InvalidParameterValue", 400);
    });

    it("DescribeClusters: MaxRecords outside 20–100 is InvalidParameterValue also with a ClusterIdentifier", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "one");
      for (const MaxRecords of [19, 101]) {
        await expectAwsError(c.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "one", MaxRecords })), "InvalidParameterValue", 400);
      }
      assert.deepEqual(ids(await c.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "one", MaxRecords: 20 }))), ["one"]);
    });

    it("DescribeClusters: ClusterIdentifier together with Marker is InvalidParameterCombination", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await many(c, 21);
      const { Marker } = await c.redshift.send(new DescribeClustersCommand({ MaxRecords: 20 }));
      assert.ok(Marker);
      await expectAwsError(c.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "c-000", Marker })), "InvalidParameterCombination", 400);
    });
  });

  describe("errors", () => {
    it("DescribeClusters: an unknown identifier is ClusterNotFound (404) 'Cluster <id> not found.'", async () => {
      await using rs = await startServer();
      const err = await expectAwsError(clientsFor(rs.url, GRANTOR).redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "nope" })), "ClusterNotFoundFault", 404);
      assert.equal(err.message, "Cluster nope not found.");
    });

    it("DescribeClusters: an identifier that breaks the naming rule is simply not found", async () => {
      await using rs = await startServer();
      await expectAwsError(clientsFor(rs.url, GRANTOR).redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "bad--id" })), "ClusterNotFoundFault", 404);
    });
  });
});
