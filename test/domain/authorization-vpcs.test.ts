/**
 * Work bounds of the grant's VPC list (domain/authorizations/): membership tests are set lookups, so
 * Authorize and Revoke read each VPC of the grant a constant number of times, however many VPCs the
 * request names. Counted, not timed: the grant's list is a Proxy that counts element reads.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { authorizeEndpointAccess } from "../../src/domain/authorizations/authorize.js";
import { revokeEndpointAccess } from "../../src/domain/authorizations/revoke.js";
import type { DomainContext } from "../../src/domain/context.js";
import type { Authorization, Cluster } from "../../src/domain/entities.js";
import { NO_DELAYS } from "../../src/domain/lifecycle.js";
import { resolveQuotas } from "../../src/domain/quotas.js";
import { DuplicateKeyError, type Tx } from "../../src/store/store.js";

const OWNER = "111111111111";
const GRANTEE = "222222222222";
const REGION = "us-east-1";

const vpcs = (from: number, count: number): string[] => Array.from({ length: count }, (_, i) => `vpc-${(from + i).toString(16).padStart(8, "0")}`);

/** An array whose element reads are counted (index access and iteration both read through `get`). */
function counted(items: string[]): { list: string[]; reads: () => number } {
  let reads = 0;
  const list = new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { list, reads: () => reads };
}

/** Just the store calls Authorize and Revoke make, over one eligible cluster and one grant. */
function world(grant: Authorization, vpcsPerGrant: number): DomainContext {
  const cluster = { account: OWNER, region: REGION, id: "analytics", createdAt: 0, status: "available", nodeType: "ra3.xlplus", azRelocation: true, multiAz: false } as Cluster;
  const tx = {
    clusters: { getForUpdateShared: async () => cluster },
    authorizations: {
      getForUpdate: async () => grant,
      update: async () => undefined,
      remove: async () => undefined,
      count: async () => 1,
      // The grant exists: the store reports the insert of another with its key.
      insert: async () => {
        throw new DuplicateKeyError(`authorizations ${grant.id} already exists`);
      },
    },
    endpoints: { find: async () => [] },
  } as unknown as Tx;
  return { tx, scope: { account: OWNER, region: REGION }, now: 0, quotas: resolveQuotas({ "vpcs-per-grant": vpcsPerGrant }), delays: NO_DELAYS };
}

function grantOf(allowedVpcs: string[]): Authorization {
  return {
    account: OWNER,
    region: REGION,
    id: `analytics/${GRANTEE}`,
    createdAt: 0,
    clusterId: "analytics",
    grantee: GRANTEE,
    status: "Authorized",
    allowedAllVpcs: false,
    allowedVpcs,
    endpointCount: 0,
    uid: "u",
  };
}

describe("authorization VPC lists", () => {
  it("AuthorizeEndpointAccess: adding 5,000 VPCs to a grant of 5,000 reads each granted VPC a constant number of times (sets, not list scans)", async () => {
    const n = 5_000;
    const { list, reads } = counted(vpcs(0, n));
    const grant = grantOf(list);
    const view = await authorizeEndpointAccess(world(grant, 2 * n), { clusterIdentifier: "analytics", account: GRANTEE, vpcIds: vpcs(n, n) });
    assert.equal(view.grant.allowedVpcs.length, 2 * n);
    // A quadratic membership check would read the list n × n = 25,000,000 times.
    assert.ok(reads() <= 4 * n, `granted VPCs read ${reads()} times`);
  });

  it("RevokeEndpointAccess: revoking 4,999 of a grant's 5,000 VPCs reads each granted VPC a constant number of times", async () => {
    const n = 5_000;
    const { list, reads } = counted(vpcs(0, n));
    const grant = grantOf(list);
    const view = await revokeEndpointAccess(world(grant, n), { clusterIdentifier: "analytics", account: GRANTEE, vpcIds: vpcs(1, n - 1) });
    assert.deepEqual(view.grant.allowedVpcs, vpcs(0, 1));
    assert.ok(reads() <= 4 * n, `granted VPCs read ${reads()} times`);
  });

  it("AuthorizeEndpointAccess: duplicates in the request count once against vpcs-per-grant", async () => {
    const grant = grantOf([]);
    grant.allowedAllVpcs = false;
    const ctx = world({ ...grant, allowedVpcs: vpcs(0, 1) }, 3);
    const view = await authorizeEndpointAccess(ctx, { clusterIdentifier: "analytics", account: GRANTEE, vpcIds: [...vpcs(1, 2), ...vpcs(1, 2), ...vpcs(2, 1)] });
    assert.deepEqual(view.grant.allowedVpcs, vpcs(0, 3));
  });
});
