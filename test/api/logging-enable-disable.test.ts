import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  DescribeClustersCommand,
  DescribeLoggingStatusCommand,
  DisableLoggingCommand,
  EnableLoggingCommand,
  ModifyClusterIamRolesCommand,
  PauseClusterCommand,
  type EnableLoggingCommandInput,
} from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, rawPost, startServer, type Clients } from "../helpers.js";
import { START, clockedServer, createCluster } from "../fixtures/clusters-world.js";

const status = (c: Clients, id: string) => c.redshift.send(new DescribeLoggingStatusCommand({ ClusterIdentifier: id }));
const enable = (c: Clients, input: Partial<EnableLoggingCommandInput> & { ClusterIdentifier: string }) => c.redshift.send(new EnableLoggingCommand(input));

describe("EnableLogging / DisableLogging", () => {
  describe("behaviour", () => {
    it("EnableLogging: an S3 bucket and prefix are recorded and reported by DescribeLoggingStatus with the delivery time; with no log types exported LogExports is absent", async () => {
      const { rs, clock } = await clockedServer();
      await using _rs = rs;
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "audited");
      clock.advance(5_000);
      const out = await enable(c, { ClusterIdentifier: "audited", BucketName: "my-audit-logs", S3KeyPrefix: "redshift/audited/" });
      const expected = {
        LoggingEnabled: true,
        BucketName: "my-audit-logs",
        S3KeyPrefix: "redshift/audited/",
        LogDestinationType: "s3",
        LastSuccessfulDeliveryTime: new Date(START + 5_000),
      };
      for (const [k, v] of Object.entries(expected)) assert.deepEqual(out[k as keyof typeof out], v, k);
      const read = await status(c, "AUDITED");
      for (const [k, v] of Object.entries(expected)) assert.deepEqual(read[k as keyof typeof read], v, k);
      assert.equal(read.LogExports, undefined, "no log types exported: LogExports is absent, not an empty list");
      assert.equal(out.LogExports, undefined);
      assert.equal(read.LastFailureTime, undefined);
      assert.equal(read.LastFailureMessage, undefined);
    });

    it("EnableLogging: CloudWatch with LogExports (duplicates counted once), no bucket", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "cw");
      const out = await enable(c, { ClusterIdentifier: "cw", LogDestinationType: "cloudwatch", LogExports: ["userlog", "connectionlog", "userlog"] });
      assert.equal(out.LoggingEnabled, true);
      assert.equal(out.LogDestinationType, "cloudwatch");
      assert.deepEqual(out.LogExports, ["userlog", "connectionlog"]);
      assert.equal(out.BucketName, undefined);
      assert.deepEqual((await status(c, "cw")).LogExports, ["userlog", "connectionlog"]);
    });

    it("EnableLogging: enabling again replaces the destination (S3 → CloudWatch)", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "switch");
      await enable(c, { ClusterIdentifier: "switch", BucketName: "bucket-one", LogExports: ["useractivitylog"] });
      assert.deepEqual((await status(c, "switch")).LogExports, ["useractivitylog"]);
      await enable(c, { ClusterIdentifier: "switch", LogDestinationType: "cloudwatch", LogExports: ["connectionlog"] });
      const read = await status(c, "switch");
      assert.equal(read.LogDestinationType, "cloudwatch");
      assert.equal(read.BucketName, undefined);
      assert.equal(read.S3KeyPrefix, undefined);
    });

    it("DisableLogging: logging goes off, the destination goes, the last delivery time stays; disabling again is fine", async () => {
      const { rs } = await clockedServer();
      await using _rs = rs;
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "quiet");
      await enable(c, { ClusterIdentifier: "quiet", BucketName: "logs-bucket", S3KeyPrefix: "p" });
      const off = await c.redshift.send(new DisableLoggingCommand({ ClusterIdentifier: "quiet" }));
      assert.equal(off.LoggingEnabled, false);
      assert.equal(off.BucketName, undefined);
      assert.equal(off.LogDestinationType, undefined);
      assert.deepEqual(off.LastSuccessfulDeliveryTime, new Date(START));
      const read = await status(c, "quiet");
      assert.equal(read.LoggingEnabled, false);
      assert.equal(read.BucketName, undefined);
      const again = await c.redshift.send(new DisableLoggingCommand({ ClusterIdentifier: "quiet" }));
      assert.equal(again.LoggingEnabled, false);
      await createCluster(c, "never");
      const never = await c.redshift.send(new DisableLoggingCommand({ ClusterIdentifier: "never" }));
      assert.equal(never.LoggingEnabled, false);
      assert.equal(never.LastSuccessfulDeliveryTime, undefined);
    });

    it("EnableLogging: the XML is <EnableLoggingResult> with <LogExports><member>", async () => {
      await using rs = await startServer({ defaultAccount: GRANTOR });
      await createCluster(clientsFor(rs.url, GRANTOR), "xml");
      const res = await rawPost(rs.url, "Action=EnableLogging&Version=2012-12-01&ClusterIdentifier=xml&LogDestinationType=cloudwatch&LogExports.member.1=userlog");
      assert.equal(res.status, 200);
      assert.match(res.text, /<EnableLoggingResult><LoggingEnabled>true<\/LoggingEnabled>/);
      assert.match(res.text, /<LogExports><member>userlog<\/member><\/LogExports>/);
    });
  });

  describe("errors", () => {
    it("EnableLogging: bucket names breaking S3's rules → InvalidS3BucketNameFault", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "names");
      for (const bad of ["ab", "a".repeat(64), "My-Bucket", "-bucket", "bucket-", "my..bucket", "192.168.1.1", "xn--bucket", "sthree-x", "bucket-s3alias", "under_score"]) {
        await expectAwsError(enable(c, { ClusterIdentifier: "names", BucketName: bad }), "InvalidS3BucketNameFault", 400);
      }
      for (const good of ["abc", "a".repeat(63), "my.bucket-1", "0bucket"]) {
        assert.equal((await enable(c, { ClusterIdentifier: "names", BucketName: good })).BucketName, good);
      }
    });

    it("EnableLogging: a prefix over 256 characters or with other characters → InvalidS3KeyPrefixFault", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "prefixes");
      for (const bad of ["p".repeat(257), "a*b", "semi;colon", "q?x"]) {
        await expectAwsError(enable(c, { ClusterIdentifier: "prefixes", BucketName: "logs-bucket", S3KeyPrefix: bad }), "InvalidS3KeyPrefixFault", 400);
      }
      const ok = "p".repeat(200) + "/ä ö_1.:=+-@";
      assert.equal((await enable(c, { ClusterIdentifier: "prefixes", BucketName: "logs-bucket", S3KeyPrefix: ok })).S3KeyPrefix, ok);
    });

    it("EnableLogging: destination combinations → InvalidParameterCombination; an unknown type or log → InvalidParameterValue", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "combos");
      await expectAwsError(enable(c, { ClusterIdentifier: "combos" }), "InvalidParameterCombination", 400);
      await expectAwsError(enable(c, { ClusterIdentifier: "combos", LogDestinationType: "s3" }), "InvalidParameterCombination", 400);
      await expectAwsError(enable(c, { ClusterIdentifier: "combos", LogDestinationType: "cloudwatch" }), "InvalidParameterCombination", 400);
      await expectAwsError(
        enable(c, { ClusterIdentifier: "combos", LogDestinationType: "cloudwatch", LogExports: ["userlog"], BucketName: "logs-bucket" }),
        "InvalidParameterCombination",
        400,
      );
      await expectAwsError(enable(c, { ClusterIdentifier: "combos", LogDestinationType: "kinesis" as never, BucketName: "logs-bucket" }), "InvalidParameterValue", 400);
      await expectAwsError(enable(c, { ClusterIdentifier: "combos", BucketName: "logs-bucket", LogExports: ["auditlog"] }), "InvalidParameterValue", 400);
      assert.equal((await status(c, "combos")).LoggingEnabled, false, "nothing was recorded");
    });

    it("EnableLogging / DisableLogging: an unknown cluster, or another account's → ClusterNotFound (after the parameters are checked)", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "mine");
      await expectAwsError(enable(c, { ClusterIdentifier: "nope", BucketName: "logs-bucket" }), "ClusterNotFoundFault", 404);
      await expectAwsError(enable(c, { ClusterIdentifier: "nope", BucketName: "Bad_Bucket" }), "InvalidS3BucketNameFault", 400);
      const other = clientsFor(rs.url, GRANTEE);
      await expectAwsError(enable(other, { ClusterIdentifier: "mine", BucketName: "logs-bucket" }), "ClusterNotFoundFault", 404);
      await expectAwsError(other.redshift.send(new DisableLoggingCommand({ ClusterIdentifier: "mine" })), "ClusterNotFoundFault", 404);
      assert.equal((await status(c, "mine")).LoggingEnabled, false);
    });

    it("EnableLogging / DisableLogging: a cluster that is not available → InvalidClusterState; while an operation runs, with AWS's text Terraform retries on", async () => {
      const { rs, clock } = await clockedServer({ delays: { "cluster-create": 60_000, "cluster-iam-roles": 60_000 } });
      await using _rs = rs;
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "busy");
      const err = await expectAwsError(enable(c, { ClusterIdentifier: "busy", BucketName: "logs-bucket" }), "InvalidClusterStateFault", 400);
      assert.match(err.message, /^There is an operation running on the Cluster\. /);
      clock.advance(60_000);
      await enable(c, { ClusterIdentifier: "busy", BucketName: "logs-bucket" });
      // A cluster modifying its IAM roles (as when Terraform destroys aws_redshift_cluster_iam_roles and
      // aws_redshift_logging at once): the provider retries only on "There is an operation running on the Cluster".
      await c.redshift.send(new ModifyClusterIamRolesCommand({ ClusterIdentifier: "busy", AddIamRoles: [`arn:aws:iam::${GRANTOR}:role/r`] }));
      assert.equal((await c.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "busy" }))).Clusters![0]!.ClusterStatus, "modifying");
      const busy = await expectAwsError(c.redshift.send(new DisableLoggingCommand({ ClusterIdentifier: "busy" })), "InvalidClusterStateFault", 400);
      assert.match(busy.message, /^There is an operation running on the Cluster\. /);
      clock.advance(60_000);
      await c.redshift.send(new PauseClusterCommand({ ClusterIdentifier: "busy" }));
      clock.advance(60 * 60_000);
      const paused = await expectAwsError(c.redshift.send(new DisableLoggingCommand({ ClusterIdentifier: "busy" })), "InvalidClusterStateFault", 400);
      assert.match(paused.message, /not in the available state \(it is paused\)/);
      assert.equal((await status(c, "busy")).LoggingEnabled, true, "a paused cluster still reports its logging");
    });

    it("EnableLogging / DisableLogging: without ClusterIdentifier → MissingParameter", async () => {
      await using rs = await startServer({ defaultAccount: GRANTOR });
      for (const action of ["EnableLogging", "DisableLogging"]) {
        const res = await rawPost(rs.url, `Action=${action}&Version=2012-12-01&BucketName=logs-bucket`);
        assert.equal(res.status, 400);
        assert.match(res.text, /<Code>MissingParameter<\/Code>/);
      }
    });
  });
});
