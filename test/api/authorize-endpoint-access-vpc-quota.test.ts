/**
 * The `vpcs-per-grant` quota (domain/quotas.ts: AWS documents no limit, redshift-local lists at most
 * 100 VPCs per authorization): a grant's AllowedVPCs is bounded, a request naming more distinct VPCs
 * than the quota is refused with the parameters (before any lookup), and the quota is overridable.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AuthorizeEndpointAccessCommand, DescribeEndpointAuthorizationCommand, RevokeEndpointAccessCommand } from "@aws-sdk/client-redshift";
import { GRANTEE, expectAwsError } from "../helpers.js";
import { endpointWorld, grant, type World } from "../fixtures/endpoint-world.js";

const vpcs = (from: number, count: number): string[] => Array.from({ length: count }, (_, i) => `vpc-${(from + i).toString(16).padStart(8, "0")}`);

const authorize = (w: World, vpcIds: string[], cluster = w.cluster) =>
  w.grantor.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: cluster, Account: GRANTEE, VpcIds: vpcIds }));
const revoke = (w: World, vpcIds: string[], cluster = w.cluster) =>
  w.grantor.redshift.send(new RevokeEndpointAccessCommand({ ClusterIdentifier: cluster, Account: GRANTEE, VpcIds: vpcIds }));

async function allowedVpcs(w: World): Promise<string[]> {
  const out = await w.grantor.redshift.send(new DescribeEndpointAuthorizationCommand({ ClusterIdentifier: w.cluster, Account: GRANTEE }));
  return out.EndpointAuthorizationList?.[0]?.AllowedVPCs ?? [];
}

describe("AuthorizeEndpointAccess: VPCs per grant", () => {
  it("AuthorizeEndpointAccess: a grant lists up to 100 VPCs (vpcs-per-grant); one more is InvalidParameterValue naming the quota", async () => {
    await using w = await endpointWorld();
    const out = await authorize(w, vpcs(0, 100));
    assert.equal(out.AllowedVPCs?.length, 100);
    const err = await expectAwsError(authorize(w, vpcs(100, 1)), "InvalidParameterValue", 400);
    assert.match(err.message, /vpcs-per-grant/);
    assert.match(err.message, /100/);
    assert.equal((await allowedVpcs(w)).length, 100, "the refused call changed nothing");
  });

  it("AuthorizeEndpointAccess: the quota applies to the union of the grant and the request", async () => {
    await using w = await endpointWorld();
    await authorize(w, vpcs(0, 60));
    await expectAwsError(authorize(w, vpcs(60, 41)), "InvalidParameterValue", 400);
    const out = await authorize(w, vpcs(60, 40));
    assert.equal(out.AllowedVPCs?.length, 100);
  });

  it("AuthorizeEndpointAccess: the quota check comes after EndpointAuthorizationAlreadyExists (check 8 of the documented order)", async () => {
    await using w = await endpointWorld({ quotas: { "vpcs-per-grant": 2 } });
    await authorize(w, vpcs(0, 2));
    await expectAwsError(authorize(w, vpcs(1, 2)), "EndpointAuthorizationAlreadyExistsFault", 400);
    await expectAwsError(authorize(w, vpcs(2, 1)), "InvalidParameterValue", 400);
  });

  it("AuthorizeEndpointAccess: widening a full VPC list to all VPCs is still allowed", async () => {
    await using w = await endpointWorld({ quotas: { "vpcs-per-grant": 2 } });
    await authorize(w, vpcs(0, 2));
    await grant(w);
    const out = await w.grantor.redshift.send(new DescribeEndpointAuthorizationCommand({ ClusterIdentifier: w.cluster, Account: GRANTEE }));
    assert.equal(out.EndpointAuthorizationList?.[0]?.AllowedAllVPCs, true);
  });

  it("AuthorizeEndpointAccess: --quota vpcs-per-grant=N overrides the limit; duplicates in a request count once", async () => {
    await using w = await endpointWorld({ quotas: { "vpcs-per-grant": 3 } });
    const out = await authorize(w, [...vpcs(0, 3), ...vpcs(0, 3)]);
    assert.deepEqual(out.AllowedVPCs, vpcs(0, 3));
    const err = await expectAwsError(authorize(w, vpcs(3, 1)), "InvalidParameterValue", 400);
    assert.match(err.message, /\b3\b/);
  });

  it("AuthorizeEndpointAccess/RevokeEndpointAccess: more distinct VpcIds than the quota are refused with the parameters, before the cluster lookup", async () => {
    await using w = await endpointWorld({ quotas: { "vpcs-per-grant": 3 } });
    for (const call of [authorize(w, vpcs(0, 4), "nope"), revoke(w, vpcs(0, 4), "nope")]) {
      const err = await expectAwsError(call, "InvalidParameterValue", 400);
      assert.match(err.message, /VpcIds/);
      assert.match(err.message, /vpcs-per-grant/);
    }
  });

  it(
    "AuthorizeEndpointAccess/RevokeEndpointAccess: 20,000 VpcIds in one request, repeated, are refused at validation and leave the grant as it was",
    { timeout: 120_000 },
    async () => {
      await using w = await endpointWorld();
      await authorize(w, vpcs(0, 2));
      const huge = vpcs(0, 20_000);
      for (let round = 0; round < 3; round++) {
        const a = await expectAwsError(authorize(w, huge), "InvalidParameterValue", 400);
        // The answer stays small: no echo of the 20,000 ids.
        assert.ok(a.message.length < 500, `message of ${a.message.length} characters`);
        const r = await expectAwsError(revoke(w, huge), "InvalidParameterValue", 400);
        assert.ok(r.message.length < 500, `message of ${r.message.length} characters`);
      }
      assert.deepEqual(await allowedVpcs(w), vpcs(0, 2));
    },
  );

  it("RevokeEndpointAccess: unknown VPCs are named in the error, at most a handful of them", async () => {
    await using w = await endpointWorld();
    await authorize(w, vpcs(0, 2));
    const err = await expectAwsError(revoke(w, vpcs(10, 50)), "EndpointAuthorizationNotFoundFault", 404);
    assert.match(err.message, /and 45 more/);
  });
});
