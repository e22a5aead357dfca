import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InvalidParameterCombination, InvalidParameterValue, MissingParameter } from "../../src/domain/errors.js";
import { checkGrantee, grantId, parseSnapshotArn, snapshotTarget } from "../../src/domain/snapshot-sharing/rules.js";

const caller = { account: "111111111111", region: "us-east-1" };

describe("snapshot sharing rules", () => {
  it("a grantee is a 12-digit account id or amazon-redshift-support", () => {
    assert.equal(checkGrantee("222222222222"), "222222222222");
    assert.equal(checkGrantee("amazon-redshift-support"), "amazon-redshift-support");
    for (const bad of ["", "12345", "2222222222223", "arn:aws:iam::222222222222:root", "abcdefghijkl"]) {
      assert.throws(() => checkGrantee(bad), InvalidParameterValue, bad);
    }
  });

  it("a grant is keyed by snapshot and grantee", () => {
    assert.equal(grantId("snap", "222222222222"), "snap/222222222222");
  });

  it("a snapshot ARN names region, owner, cluster and snapshot (lower-cased)", () => {
    assert.deepEqual(parseSnapshotArn("arn:aws:redshift:us-east-1:111111111111:snapshot:My-Cluster/My-Snap"), {
      region: "us-east-1",
      account: "111111111111",
      clusterId: "my-cluster",
      snapshotId: "my-snap",
    });
    assert.throws(() => parseSnapshotArn("arn:aws:redshift:us-east-1:111111111111:cluster:c"), InvalidParameterValue);
    assert.throws(() => parseSnapshotArn("snap"), InvalidParameterValue);
  });

  it("SnapshotIdentifier names a snapshot of the caller, or of OwnerAccount", () => {
    assert.deepEqual(snapshotTarget(caller, { snapshotIdentifier: "Snap" }), {
      owner: caller.account,
      region: caller.region,
      snapshotId: "snap",
      clusterId: undefined,
      name: "Snap",
    });
    const shared = snapshotTarget(caller, { snapshotIdentifier: "snap", ownerAccount: "999999999999", snapshotClusterIdentifier: "C1" });
    assert.equal(shared.owner, "999999999999");
    assert.equal(shared.clusterId, "c1");
  });

  it("SnapshotArn names the owner; it must agree with OwnerAccount and SnapshotClusterIdentifier and be in the caller's region", () => {
    const arn = "arn:aws:redshift:us-east-1:999999999999:snapshot:c1/snap";
    assert.equal(snapshotTarget(caller, { snapshotArn: arn }).owner, "999999999999");
    assert.equal(snapshotTarget(caller, { snapshotArn: arn, ownerAccount: "999999999999", snapshotClusterIdentifier: "C1" }).snapshotId, "snap");
    assert.throws(() => snapshotTarget(caller, { snapshotArn: arn, ownerAccount: "888888888888" }), InvalidParameterCombination);
    assert.throws(() => snapshotTarget(caller, { snapshotArn: arn, snapshotClusterIdentifier: "other" }), InvalidParameterCombination);
    assert.throws(() => snapshotTarget(caller, { snapshotArn: "arn:aws:redshift:eu-west-1:999999999999:snapshot:c1/snap" }), InvalidParameterValue);
  });

  it("exactly one of SnapshotIdentifier and SnapshotArn; OwnerAccount is an account id", () => {
    assert.throws(
      () => snapshotTarget(caller, { snapshotIdentifier: "s", snapshotArn: "arn:aws:redshift:us-east-1:111111111111:snapshot:c/s" }),
      InvalidParameterCombination,
    );
    assert.throws(() => snapshotTarget(caller, {}), MissingParameter);
    assert.throws(() => snapshotTarget(caller, { snapshotIdentifier: "" }), MissingParameter);
    assert.throws(() => snapshotTarget(caller, { snapshotIdentifier: "s", ownerAccount: "me" }), InvalidParameterValue);
  });
});
