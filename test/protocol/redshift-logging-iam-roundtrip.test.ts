/**
 * Round trips (test/protocol/roundtrip.ts) of EnableLogging and DisableLogging (ModifyClusterIamRoles:
 * redshift-cluster-roundtrip.test.ts) against
 * @aws-sdk/client-redshift: the requests decode to the commands' input, every LoggingStatus member
 * parses from our `<EnableLoggingResult>` / `<DisableLoggingResult>`.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DisableLoggingCommand, EnableLoggingCommand, RedshiftClient } from "@aws-sdk/client-redshift";
import { assertPopulated, plain, roundTrip as sharedRoundTrip } from "./roundtrip.js";
import { LoggingStatusShape } from "../../src/services/redshift/clusters/describe-logging-status.js";
import { redshift } from "../../src/services/redshift/index.js";

const NOW = Date.UTC(2026, 2, 4, 5, 6, 7, 890);

async function roundTrip(name: string, command: { input: object }, output: Record<string, unknown> | undefined): Promise<unknown> {
  return (await sharedRoundTrip(RedshiftClient, redshift, name, command, output)).parsed;
}

const STATUS = {
  LoggingEnabled: true,
  BucketName: "audit-logs",
  S3KeyPrefix: "redshift/",
  LastSuccessfulDeliveryTime: NOW - 60_000,
  LastFailureTime: NOW - 120_000,
  LastFailureMessage: "Access denied",
  LogDestinationType: "cloudwatch",
  LogExports: ["connectionlog", "userlog", "useractivitylog"],
};

describe("audit logging round trips", () => {
  it("EnableLogging: BucketName, S3KeyPrefix, LogDestinationType and LogExports.member.N decode; every LoggingStatus member parses", async () => {
    assertPopulated(LoggingStatusShape, STATUS, "LoggingStatus");
    const command = new EnableLoggingCommand({
      ClusterIdentifier: "analytics",
      BucketName: "audit-logs",
      S3KeyPrefix: "redshift/",
      LogDestinationType: "s3",
      LogExports: ["connectionlog", "userlog"],
    });
    assert.deepEqual(await roundTrip("EnableLogging", command, STATUS), plain(STATUS));
  });

  it("DisableLogging: ClusterIdentifier decodes; the status parses", async () => {
    const off = { LoggingEnabled: false, LastSuccessfulDeliveryTime: NOW };
    assert.deepEqual(await roundTrip("DisableLogging", new DisableLoggingCommand({ ClusterIdentifier: "analytics" }), off), off);
  });
});
