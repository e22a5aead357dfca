import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DeleteClusterCommand, DescribeLoggingStatusCommand, PauseClusterCommand } from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, rawPost, startServer, type Clients } from "../helpers.js";
import { clockedServer, createCluster } from "../fixtures/clusters-world.js";

const status = (c: Clients, id: string) => c.redshift.send(new DescribeLoggingStatusCommand({ ClusterIdentifier: id }));

describe("DescribeLoggingStatus", () => {
  describe("behaviour", () => {
    it("DescribeLoggingStatus: an existing cluster reports logging disabled and no destination", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "analytics");
      const out = await status(c, "analytics");
      assert.equal(out.LoggingEnabled, false);
      for (const member of ["BucketName", "S3KeyPrefix", "LogDestinationType", "LogExports", "LastSuccessfulDeliveryTime"] as const) {
        assert.equal(out[member], undefined, `${member} is absent while logging is off`);
      }
    });

    it("DescribeLoggingStatus: answers for a cluster that is still creating, paused or being deleted", async () => {
      const { rs, clock } = await clockedServer({ delays: { "cluster-create": 60_000, "cluster-delete": 60_000 } });
      await using _rs = rs;
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "slow");
      assert.equal((await status(c, "slow")).LoggingEnabled, false, "creating");
      clock.advance(60_000);
      await c.redshift.send(new PauseClusterCommand({ ClusterIdentifier: "slow" }));
      assert.equal((await status(c, "slow")).LoggingEnabled, false, "paused");
      await createCluster(c, "going");
      clock.advance(60_000);
      await c.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: "going", SkipFinalClusterSnapshot: true }));
      assert.equal((await status(c, "going")).LoggingEnabled, false, "deleting");
      clock.advance(60_000);
      await expectAwsError(status(c, "going"), "ClusterNotFoundFault", 404);
    });

    it("DescribeLoggingStatus: the identifier is matched case-insensitively", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "mixed");
      assert.equal((await status(c, "MIXED")).LoggingEnabled, false);
    });

    it("DescribeLoggingStatus: the XML is <DescribeLoggingStatusResult><LoggingEnabled>false", async () => {
      await using rs = await startServer({ defaultAccount: GRANTOR });
      await createCluster(clientsFor(rs.url, GRANTOR), "xml");
      const res = await rawPost(rs.url, "Action=DescribeLoggingStatus&Version=2012-12-01&ClusterIdentifier=xml");
      assert.equal(res.status, 200);
      assert.match(res.text, /<DescribeLoggingStatusResponse [^>]*><DescribeLoggingStatusResult><LoggingEnabled>false<\/LoggingEnabled><\/DescribeLoggingStatusResult>/);
    });
  });

  describe("errors", () => {
    it("DescribeLoggingStatus: a cluster that does not exist → ClusterNotFound", async () => {
      await using rs = await startServer();
      const err = await expectAwsError(status(clientsFor(rs.url, GRANTOR), "nope"), "ClusterNotFoundFault", 404);
      assert.equal(err.message, "Cluster nope not found.");
    });

    it("DescribeLoggingStatus: another account's or region's cluster → ClusterNotFound", async () => {
      await using rs = await startServer();
      await createCluster(clientsFor(rs.url, GRANTOR), "private");
      await expectAwsError(status(clientsFor(rs.url, GRANTEE), "private"), "ClusterNotFoundFault", 404);
      await expectAwsError(status(clientsFor(rs.url, GRANTOR, "eu-west-1"), "private"), "ClusterNotFoundFault", 404);
    });

    it("DescribeLoggingStatus: without ClusterIdentifier → MissingParameter", async () => {
      await using rs = await startServer({ defaultAccount: GRANTOR });
      const res = await rawPost(rs.url, "Action=DescribeLoggingStatus&Version=2012-12-01");
      assert.equal(res.status, 400);
      assert.match(res.text, /<Code>MissingParameter<\/Code>/);
      assert.match(res.text, /ClusterIdentifier/);
    });
  });
});
