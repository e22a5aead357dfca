/**
 * Rules that keep settling and quota checks correct when several instances share one database:
 * an endpoint's removal counts off its grant only when that removal removed it, and the node quota
 * is one SQL sum rather than a read of every cluster of the account.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { authorizationId } from "../../src/domain/authorizations/keys.js";
import { checkNodeQuota } from "../../src/domain/clusters/nodes.js";
import type { DomainContext } from "../../src/domain/context.js";
import type { Authorization, Endpoint } from "../../src/domain/entities.js";
import { endpointGone } from "../../src/domain/endpoints/cascade.js";
import { NO_DELAYS } from "../../src/domain/lifecycle.js";
import { resolveQuotas } from "../../src/domain/quotas.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import type { Tx } from "../../src/store/store.js";
import { A1, A2, R1, entity } from "../store-contract/fixtures.js";

const context = (tx: Tx, account = A1, quotas = resolveQuotas(undefined)): DomainContext => ({
  tx,
  scope: { account, region: R1 },
  now: 1_000,
  quotas,
  delays: NO_DELAYS,
});

describe("settling once", () => {
  it("endpoint gone: the grant's EndpointCount is decremented only by the removal that removed the endpoint", async () => {
    const store = new SqliteStore();
    const grant = { ...entity("authorizations", { id: authorizationId("c1", A2), index: { clusterId: "c1", grantee: A2 } }), endpointCount: 2, uid: "u1", status: "Authorized" } as unknown as Authorization;
    const endpoint = { ...entity("endpoints", { id: "e1", account: A2, index: { clusterOwner: A1, clusterId: "c1" } }), authorizationUid: "u1" } as unknown as Endpoint;
    await store.transact(async (tx) => {
      await tx.authorizations.insert(grant);
      await tx.endpoints.insert(endpoint);
    });
    // Two settlements of the same due deletion (two instances, or a retried one) in turn.
    await store.transact((tx) => endpointGone(context(tx, A2), structuredClone(endpoint)));
    await store.transact((tx) => endpointGone(context(tx, A2), structuredClone(endpoint)));
    const after = await store.read((tx) => tx.authorizations.get({ account: A1, region: R1 }, grant.id));
    assert.equal(after?.endpointCount, 1);
    await store.close();
  });
});

describe("node quota", () => {
  it("node quota: checked by one SQL sum over the account, without reading its clusters", async () => {
    const store = new SqliteStore();
    const cluster = (id: string, numberOfNodes: number, pending?: number) =>
      ({ ...entity("clusters", { id }), numberOfNodes, ...(pending ? { pendingModifications: { numberOfNodes: pending } } : {}) });
    await store.transact(async (tx) => {
      for (const c of [cluster("a", 4), cluster("b", 2, 6), { ...cluster("other", 50), account: A2 }]) await tx.clusters.insert(c);
    });
    const quotas = resolveQuotas({ "nodes-per-account": 12 });
    let finds = 0;
    const check = (adding: number, exceptId?: string) =>
      store.transact((tx) => {
        const counted: Tx = { ...tx, clusters: { ...tx.clusters, find: (...args: Parameters<Tx["clusters"]["find"]>) => (finds++, tx.clusters.find(...args)) } };
        for (const m of ["get", "getForUpdate", "getForUpdateShared", "insert", "update", "remove", "count", "sum", "due"] as const) {
          (counted.clusters as unknown as Record<string, unknown>)[m] = (tx.clusters[m] as (...a: unknown[]) => unknown).bind(tx.clusters);
        }
        return checkNodeQuota(context(counted, A1, quotas), adding, exceptId);
      });
    await check(2); // 4 + 6 + 2 = 12
    await assert.rejects(check(3), (err: Error) => err.name === "NumberOfNodesQuotaExceeded" && /12 nodes .* \(10 in use, 3 requested\)/.test(err.message));
    await check(8, "b"); // b's 6 are left out: 4 + 8
    await assert.rejects(check(9, "b"), { name: "NumberOfNodesQuotaExceeded" });
    assert.equal(finds, 0, "no cluster of the account was read for the quota");
    await store.close();
  });
});
