import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { restoreNodes, restoreStatus } from "../../src/domain/clusters/restore-rules.js";
import { InvalidParameterCombination, InvalidRestore, NumberOfNodesPerClusterLimitExceeded } from "../../src/domain/errors.js";

describe("restore rules", () => {
  it("without overrides the snapshot's node type and count", () => {
    assert.deepEqual(restoreNodes({ nodeType: "ra3.4xlarge", numberOfNodes: 3 }, undefined, undefined), { nodeType: "ra3.4xlarge", numberOfNodes: 3 });
    assert.deepEqual(restoreNodes({ nodeType: "dc2.large", numberOfNodes: 1 }, undefined, undefined), { nodeType: "dc2.large", numberOfNodes: 1 });
  });

  it("a DC2 restore keeps the snapshot's size; another DC2 type is InvalidRestore", () => {
    assert.throws(() => restoreNodes({ nodeType: "dc2.large", numberOfNodes: 2 }, "dc2.large", 4), InvalidRestore);
    assert.deepEqual(restoreNodes({ nodeType: "dc2.large", numberOfNodes: 2 }, "dc2.large", 2), { nodeType: "dc2.large", numberOfNodes: 2 });
    assert.throws(() => restoreNodes({ nodeType: "dc2.large", numberOfNodes: 2 }, "dc2.8xlarge", undefined), InvalidRestore);
    assert.throws(() => restoreNodes({ nodeType: "ra3.xlplus", numberOfNodes: 2 }, "dc2.large", undefined), InvalidRestore);
  });

  it("an RA3 restore may change the count, within the type's range (raised to its minimum by default)", () => {
    assert.deepEqual(restoreNodes({ nodeType: "dc2.large", numberOfNodes: 1 }, "ra3.4xlarge", undefined), { nodeType: "ra3.4xlarge", numberOfNodes: 2 });
    assert.deepEqual(restoreNodes({ nodeType: "ra3.xlplus", numberOfNodes: 2 }, undefined, 4), { nodeType: "ra3.xlplus", numberOfNodes: 4 });
    assert.throws(() => restoreNodes({ nodeType: "ra3.4xlarge", numberOfNodes: 2 }, undefined, 1), InvalidParameterCombination);
    assert.throws(() => restoreNodes({ nodeType: "ra3.xlplus", numberOfNodes: 2 }, undefined, 33), NumberOfNodesPerClusterLimitExceeded);
  });

  it("RestoreStatus: restoring with linear progress while creating, completed afterwards", () => {
    const restore = { sourceAccount: "1", snapshotIdentifier: "s", snapshotSizeInMegaBytes: 1000, startedAt: 10_000, durationMs: 100_000 };
    assert.deepEqual(restoreStatus(restore, true, 10_000), {
      status: "restoring",
      snapshotSizeInMegaBytes: 1000,
      progressInMegaBytes: 0,
      currentRestoreRateInMegaBytesPerSecond: 10,
      elapsedTimeInSeconds: 0,
      estimatedTimeToCompletionInSeconds: 100,
    });
    const half = restoreStatus(restore, true, 60_000);
    assert.equal(half.progressInMegaBytes, 500);
    assert.equal(half.elapsedTimeInSeconds, 50);
    assert.equal(half.estimatedTimeToCompletionInSeconds, 50);
    const done = restoreStatus(restore, false, 500_000);
    assert.equal(done.status, "completed");
    assert.equal(done.progressInMegaBytes, 1000);
    assert.equal(done.elapsedTimeInSeconds, 100);
    assert.equal(done.estimatedTimeToCompletionInSeconds, 0);
  });

  it("RestoreStatus with no delay: restoring at 0 in the response, completed once created", () => {
    const restore = { sourceAccount: "1", snapshotIdentifier: "s", snapshotSizeInMegaBytes: 10, startedAt: 5, durationMs: 0 };
    assert.equal(restoreStatus(restore, true, 5).status, "restoring");
    assert.equal(restoreStatus(restore, true, 5).currentRestoreRateInMegaBytesPerSecond, 0);
    assert.deepEqual(restoreStatus(restore, false, 5).progressInMegaBytes, 10);
  });
});
