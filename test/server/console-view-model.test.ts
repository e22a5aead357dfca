/**
 * The console's view model (pure): kinds read generically in a stable order, derived fields, the
 * grantee counted as an account, and the transitions between two models for the timeline.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildConsoleModel, labelOf, transitionsBetween } from "../../src/server/console/view-model.js";

const NOW = Date.UTC(2026, 0, 2);
const base = (account: string, id: string, extra: Record<string, unknown> = {}) => ({ account, region: "us-east-1", id, createdAt: NOW, ...extra });

describe("console view model", () => {
  it("view model: known kinds come in the page's order and a kind it does not know (added later) follows, labelled from its name", () => {
    const model = buildConsoleModel(
      {
        vpcs: [base("111111111111", "vpc-1")],
        snapshotCopyGrants: [base("111111111111", "g1")],
        clusters: [base("111111111111", "b", { status: "available" }), base("111111111111", "a", { status: "creating" })],
        authorizations: [],
      },
      NOW,
    );
    assert.deepEqual(
      model.kinds.map((k) => k.kind),
      ["clusters", "authorizations", "vpcs", "snapshotCopyGrants"],
    );
    assert.equal(model.kinds.at(-1)!.label, "Snapshot copy grants");
    assert.deepEqual(
      model.kinds[0]!.records.map((r) => r.id),
      ["a", "b"],
      "records sorted by region, account, id",
    );
    assert.equal(model.time, "2026-01-02T00:00:00.000Z");
    assert.equal(labelOf("clusters"), "Clusters");
  });

  it("view model: a cluster carries its availability status and endpoint address; a grant names its grantor, and its grantee is an account of the picture", () => {
    const model = buildConsoleModel(
      {
        clusters: [base("111111111111", "analytics", { status: "modifying", port: 5439 })],
        authorizations: [base("111111111111", "analytics:222222222222", { clusterId: "analytics", grantee: "222222222222", status: "Authorized" })],
      },
      NOW,
    );
    const cluster = model.kinds[0]!.records[0]!;
    assert.equal(cluster["availabilityStatus"], "Modifying");
    assert.match(String(cluster["endpointAddress"]), /^analytics\.[a-z0-9]+\.us-east-1\.redshift\.amazonaws\.com$/);
    assert.equal(model.kinds[1]!.records[0]!["grantor"], "111111111111");
    assert.deepEqual(model.accounts, ["111111111111", "222222222222"]);
    assert.deepEqual(model.regions, ["us-east-1"]);
  });

  it("view model: records without an account, region and id are left out (a malformed row cannot break the page)", () => {
    const model = buildConsoleModel({ vpcs: [base("1", "vpc-1"), { id: "x" }, null, "text"] as unknown[] }, NOW);
    assert.equal(model.kinds[0]!.records.length, 1);
  });

  it("transitions: a status change, an appearance and a disappearance, bounded by the limit", () => {
    const before = buildConsoleModel({ endpoints: [base("2", "e1", { status: "creating" }), base("2", "e2", { status: "active" })], vpcs: [base("2", "vpc-1")] }, NOW);
    const after = buildConsoleModel({ endpoints: [base("2", "e1", { status: "active" }), base("2", "e3", { status: "creating" })], vpcs: [base("2", "vpc-1")] }, NOW + 1);
    assert.deepEqual(transitionsBetween(before, after, 10), [
      { kind: "endpoints", account: "2", region: "us-east-1", id: "e1", from: "creating", to: "active" },
      { kind: "endpoints", account: "2", region: "us-east-1", id: "e3", from: null, to: "creating" },
      { kind: "endpoints", account: "2", region: "us-east-1", id: "e2", from: "active", to: null },
    ]);
    assert.equal(transitionsBetween(before, after, 2).length, 2);
    assert.deepEqual(transitionsBetween(after, after, 10), []);
  });
});
