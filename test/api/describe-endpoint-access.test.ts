import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AuthorizeEndpointAccessCommand,
  CreateEndpointAccessCommand,
  DeleteEndpointAccessCommand,
  DescribeEndpointAccessCommand,
  EndpointNotFoundFault,
  paginateDescribeEndpointAccess,
  type DescribeEndpointAccessCommandInput,
} from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, expectAwsError } from "../helpers.js";
import { createCluster, endpointWorld, grant, granteeEndpoint, type World } from "../fixtures/endpoint-world.js";

const list = async (w: World, input: DescribeEndpointAccessCommandInput = {}, as: "grantee" | "grantor" | "stranger" = "grantee") =>
  ((await w[as].redshift.send(new DescribeEndpointAccessCommand(input))).EndpointAccessList ?? []).map((e) => e.EndpointName);

/** Grantee endpoints `bi` and `etl` to the grantor's cluster, `side` to a second cluster, and the grantor's own `own`. */
async function endpoints(w: World): Promise<void> {
  await createCluster(w.grantor, "second", { ClusterSubnetGroupName: w.grantorNet.subnetGroupName });
  w.settle();
  await grant(w);
  await w.grantor.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "second", Account: GRANTEE }));
  await granteeEndpoint(w, "bi");
  await granteeEndpoint(w, "etl");
  await w.grantee.redshift.send(
    new CreateEndpointAccessCommand({ EndpointName: "side", ClusterIdentifier: "second", ResourceOwner: GRANTOR, SubnetGroupName: w.granteeNet.subnetGroupName }),
  );
  await w.grantor.redshift.send(new CreateEndpointAccessCommand({ EndpointName: "own", ClusterIdentifier: w.cluster, SubnetGroupName: w.grantorNet.subnetGroupName }));
}

describe("DescribeEndpointAccess", () => {
  it("DescribeEndpointAccess: lists only the caller's endpoints, in creation order", async () => {
    await using w = await endpointWorld();
    await endpoints(w);
    assert.deepEqual(await list(w), ["bi", "etl", "side"]);
    assert.deepEqual(await list(w, {}, "grantor"), ["own"], "the grantor does not see the grantee's endpoints");
    assert.deepEqual(await list(w, {}, "stranger"), []);
  });

  it("DescribeEndpointAccess: ClusterIdentifier, ResourceOwner, EndpointName and VpcId filter with AND", async () => {
    await using w = await endpointWorld();
    await endpoints(w);
    assert.deepEqual(await list(w, { ClusterIdentifier: w.cluster }), ["bi", "etl"]);
    assert.deepEqual(await list(w, { ClusterIdentifier: "SECOND" }), ["side"], "cluster identifiers are case-insensitive");
    assert.deepEqual(await list(w, { ResourceOwner: GRANTOR }), ["bi", "etl", "side"]);
    assert.deepEqual(await list(w, { VpcId: w.granteeNet.vpcId }), ["bi", "etl", "side"]);
    assert.deepEqual(await list(w, { EndpointName: "ETL" }), ["etl"], "names match case-insensitively");
    assert.deepEqual(await list(w, { ClusterIdentifier: w.cluster, EndpointName: "bi", VpcId: w.granteeNet.vpcId, ResourceOwner: GRANTOR }), ["bi"]);
    assert.deepEqual(await list(w, { ClusterIdentifier: w.cluster, VpcId: w.grantorNet.vpcId }), []);
  });

  it("DescribeEndpointAccess: other filters that match nothing give an empty list", async () => {
    await using w = await endpointWorld();
    await endpoints(w);
    assert.deepEqual(await list(w, { ClusterIdentifier: "nope" }), []);
    assert.deepEqual(await list(w, { ResourceOwner: "999999999999" }), []);
    assert.deepEqual(await list(w, { VpcId: "vpc-0a1b2c3d" }), []);
  });

  it("DescribeEndpointAccess: an EndpointName that matches nothing is EndpointNotFound (404), also when another filter excludes it", async () => {
    await using w = await endpointWorld();
    await endpoints(w);
    const err = await list(w, { EndpointName: "nope" }).catch((e: unknown) => e);
    assert.ok(err instanceof EndpointNotFoundFault, `got ${String(err)}`);
    assert.equal(err.$metadata.httpStatusCode, 404);
    await expectAwsError(list(w, { EndpointName: "bi", ClusterIdentifier: "second" }), "EndpointNotFoundFault", 404);
    await expectAwsError(list(w, { EndpointName: "bi" }, "grantor"), "EndpointNotFoundFault", 404);
  });

  it("DescribeEndpointAccess: deleting endpoints are listed until they are gone", async () => {
    await using w = await endpointWorld({ delays: { "endpoint-delete": 60_000 } });
    await endpoints(w);
    await w.grantee.redshift.send(new DeleteEndpointAccessCommand({ EndpointName: "etl" }));
    const out = await w.grantee.redshift.send(new DescribeEndpointAccessCommand({ EndpointName: "etl" }));
    assert.equal(out.EndpointAccessList?.[0]?.EndpointStatus, "deleting");
    w.clock.advance(60_000);
    await expectAwsError(list(w, { EndpointName: "etl" }), "EndpointNotFoundFault", 404);
    assert.deepEqual(await list(w), ["bi", "side"]);
  });

  it("DescribeEndpointAccess: MaxRecords outside 20–100 and a foreign Marker are InvalidParameterValue", async () => {
    await using w = await endpointWorld();
    for (const MaxRecords of [1, 19, 101]) await expectAwsError(list(w, { MaxRecords }), "InvalidParameterValue", 400);
    await expectAwsError(list(w, { Marker: "garbage" }), "InvalidParameterValue", 400);
    // Paging parameters are checked before the EndpointName lookup.
    await expectAwsError(list(w, { EndpointName: "nope", MaxRecords: 5 }), "InvalidParameterValue", 400);
    for (const MaxRecords of [20, 100]) assert.deepEqual(await list(w, { MaxRecords }), [], `MaxRecords=${MaxRecords} is allowed`);
  });

  it("DescribeEndpointAccess: the SDK paginator walks every page with stable order and no duplicates", async () => {
    await using w = await endpointWorld({ quotas: { "endpoints-per-cluster": 100 } });
    const names = Array.from({ length: 45 }, (_, i) => `ep-${String(i).padStart(2, "0")}`);
    // Same-account endpoints (no per-grant quota), all created at one instant of the manual clock.
    for (const name of names) {
      await w.grantor.redshift.send(new CreateEndpointAccessCommand({ EndpointName: name, ClusterIdentifier: w.cluster, SubnetGroupName: w.grantorNet.subnetGroupName }));
    }
    const first = await w.grantor.redshift.send(new DescribeEndpointAccessCommand({ MaxRecords: 20 }));
    assert.equal(first.EndpointAccessList?.length, 20);
    assert.ok(first.Marker);
    const seen: string[] = [];
    const markers: (string | undefined)[] = [];
    for await (const page of paginateDescribeEndpointAccess({ client: w.grantor.redshift, pageSize: 20 }, {})) {
      seen.push(...(page.EndpointAccessList ?? []).map((e) => e.EndpointName!));
      markers.push(page.Marker);
    }
    assert.deepEqual(seen, names);
    assert.equal(markers.length, 3);
    assert.equal(markers[2], undefined, "no marker on the last page");
    const all = await w.grantor.redshift.send(new DescribeEndpointAccessCommand({}));
    assert.equal(all.EndpointAccessList?.length, 45);
    assert.equal(all.Marker, undefined);
    const exact = await w.grantor.redshift.send(new DescribeEndpointAccessCommand({ MaxRecords: 45 }));
    assert.equal(exact.EndpointAccessList?.length, 45);
    assert.equal(exact.Marker, undefined, "a page that ends exactly at the last record has no marker");
  });
});
