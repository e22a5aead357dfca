/** The pure pieces of the snapshot rules: names, identifiers, retention arithmetic, ARNs, restorable node types. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ClusterSnapshot } from "../../src/domain/entities.js";
import { AwsError } from "../../src/domain/errors.js";
import { automatedSnapshotName } from "../../src/domain/snapshots/automated.js";
import { parseSnapshotArn } from "../../src/domain/snapshots/describe.js";
import { checkSnapshotIdentifier, checkSnapshotRetention, DAY_MS, expiryOf, remainingDays, restorableNodeTypes } from "../../src/domain/snapshots/rules.js";

const code = (f: () => void): string | undefined => {
  try {
    f();
    return undefined;
  } catch (err) {
    return err instanceof AwsError ? err.code : String(err);
  }
};

describe("snapshot rules", () => {
  it("automatedSnapshotName: rs:CLUSTER-YYYY-MM-DD-HH-MM-SS in UTC", () => {
    assert.equal(automatedSnapshotName("wh", Date.UTC(2026, 0, 2, 3, 4, 5, 678)), "rs:wh-2026-01-02-03-04-05");
  });

  it("checkSnapshotIdentifier: letters, digits and single hyphens, starting with a letter, at most 255", () => {
    for (const ok of ["a", "snap-1", "A1-b2", "a".repeat(255)]) assert.equal(code(() => checkSnapshotIdentifier(ok)), undefined, ok);
    for (const bad of ["", "1a", "a-", "a--b", "a_b", "a.b", "a".repeat(256)]) assert.equal(code(() => checkSnapshotIdentifier(bad)), "InvalidParameterValue", bad);
  });

  it("checkSnapshotRetention: -1 or 1–3,653, else InvalidRetentionPeriodFault", () => {
    for (const ok of [-1, 1, 3653]) assert.equal(code(() => checkSnapshotRetention(ok)), undefined, String(ok));
    for (const bad of [-2, 0, 3654]) assert.equal(code(() => checkSnapshotRetention(bad)), "InvalidRetentionPeriodFault", String(bad));
  });

  it("expiryOf and remainingDays: days from the retention start, rounded up; -1 keeps forever", () => {
    const s = { retentionPeriod: 3, retentionStart: 1000 } as ClusterSnapshot;
    assert.equal(expiryOf(s), 1000 + 3 * DAY_MS);
    assert.equal(remainingDays(s, 1000), 3);
    assert.equal(remainingDays(s, 1001), 3);
    assert.equal(remainingDays(s, 1000 + DAY_MS), 2);
    assert.equal(remainingDays(s, 1000 + 5 * DAY_MS), 0);
    const forever = { retentionPeriod: -1, retentionStart: 1000 } as ClusterSnapshot;
    assert.equal(expiryOf(forever), undefined);
    assert.equal(remainingDays(forever, 1e15), -1);
  });

  it("parseSnapshotArn: arn:PARTITION:redshift:REGION:ACCOUNT:snapshot:CLUSTER/SNAPSHOT, else undefined", () => {
    assert.deepEqual(parseSnapshotArn("arn:aws:redshift:us-east-1:111111111111:snapshot:wh/rs:wh-2026-01-02-03-04-05"), {
      region: "us-east-1",
      account: "111111111111",
      cluster: "wh",
      snapshot: "rs:wh-2026-01-02-03-04-05",
    });
    for (const bad of ["arn:aws:redshift:us-east-1:111111111111:cluster:wh", "arn:aws:redshift:us-east-1:1:snapshot:wh/s", "arn:aws:redshift:us-east-1:111111111111:snapshot:wh"]) {
      assert.equal(parseSnapshotArn(bad), undefined, bad);
    }
  });

  it("restorableNodeTypes: the snapshot's own family, and RA3 for DC2", () => {
    assert.deepEqual(restorableNodeTypes("ra3.xlplus"), ["ra3.large", "ra3.xlplus", "ra3.4xlarge", "ra3.16xlarge"]);
    assert.deepEqual(restorableNodeTypes("dc2.large"), ["dc2.large", "ra3.large", "ra3.xlplus", "ra3.4xlarge", "ra3.16xlarge"]);
    assert.deepEqual(restorableNodeTypes("rg.xlarge"), ["rg.large", "rg.xlarge", "rg.4xlarge", "rg.12xlarge"]);
  });
});
