import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DEFAULT_QUOTAS, isQuotaName, resolveQuotas } from "../../src/domain/quotas.js";

describe("quotas", () => {
  it("resolveQuotas: the defaults are AWS's (Redshift quotas page; VPC quotas for security group rules)", () => {
    assert.deepEqual(resolveQuotas(undefined), {
      "grants-per-cluster": 5,
      "endpoints-per-cluster": 30,
      "endpoints-per-grant": 5,
      "nodes-per-account": 200,
      "subnet-groups-per-account": 20,
      "parameter-groups-per-account": 20,
      "subnets-per-group": 20,
      "rules-per-security-group": 60,
      "vpcs-per-grant": 100,
      "iam-roles-per-cluster": 50,
      "usage-limits-per-feature-per-cluster": 4,
      "authentication-profiles-per-account": 10,
      "authentication-profile-size": 4096,
      "snapshot-schedules-per-account": 100,
      "scheduled-actions-per-account": 200,
      "manual-snapshots-per-account": 20,
      "accounts-per-snapshot": 20,
    });
    assert.deepEqual(resolveQuotas([]), DEFAULT_QUOTAS);
  });

  it("resolveQuotas: NAME=N strings override only the named quotas, later ones winning", () => {
    const q = resolveQuotas(["grants-per-cluster=2", "endpoints-per-grant=1", "grants-per-cluster=3"]);
    assert.equal(q["grants-per-cluster"], 3);
    assert.equal(q["endpoints-per-grant"], 1);
    assert.equal(q["endpoints-per-cluster"], 30);
  });

  it("resolveQuotas: accepts 0 (nothing allowed) and surrounding spaces", () => {
    assert.equal(resolveQuotas([" subnets-per-group=0 "])["subnets-per-group"], 0);
  });

  it("resolveQuotas: a partial record overrides the named quotas", () => {
    const q = resolveQuotas({ "nodes-per-account": 8 });
    assert.equal(q["nodes-per-account"], 8);
    assert.equal(q["subnet-groups-per-account"], 20);
  });

  it("resolveQuotas: refuses unknown names, listing the known ones", () => {
    assert.throws(() => resolveQuotas(["clusters-per-account=3"]), /unknown quota 'clusters-per-account' \(known: grants-per-cluster, /);
    assert.throws(() => resolveQuotas({ bogus: 1 } as never), /unknown quota 'bogus'/);
    assert.throws(() => resolveQuotas({ toString: 1 } as never), /unknown quota 'toString'/);
  });

  it("resolveQuotas: refuses malformed specs and values that are not non-negative integers", () => {
    for (const bad of ["grants-per-cluster", "grants-per-cluster=", "grants-per-cluster=-1", "grants-per-cluster=1.5", "grants-per-cluster=x", "=3"]) {
      assert.throws(() => resolveQuotas([bad]), /invalid quota/, bad);
    }
    assert.throws(() => resolveQuotas({ "grants-per-cluster": -1 }), /non-negative integer/);
    assert.throws(() => resolveQuotas({ "grants-per-cluster": 2.5 }), /non-negative integer/);
  });

  it("resolveQuotas: returns a fresh object, never the shared defaults", () => {
    resolveQuotas(["grants-per-cluster=1"]);
    assert.equal(DEFAULT_QUOTAS["grants-per-cluster"], 5);
  });

  it("isQuotaName: only the named quotas, not inherited object properties", () => {
    for (const name of Object.keys(DEFAULT_QUOTAS)) assert.ok(isQuotaName(name), name);
    assert.equal(isQuotaName("constructor"), false);
    assert.equal(isQuotaName("__proto__"), false);
  });
});
