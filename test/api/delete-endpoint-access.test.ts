import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  DeleteEndpointAccessCommand,
  DescribeEndpointAccessCommand,
  DescribeEndpointAuthorizationCommand,
  EndpointNotFoundFault,
  InvalidEndpointStateFault,
  ModifyEndpointAccessCommand,
  PauseClusterCommand,
} from "@aws-sdk/client-redshift";
import { expectAwsError } from "../helpers.js";
import { endpointWorld, grant, granteeEndpoint, type World } from "../fixtures/endpoint-world.js";

const del = (w: World, EndpointName = "bi", as: "grantee" | "grantor" = "grantee") => w[as].redshift.send(new DeleteEndpointAccessCommand({ EndpointName }));
const count = async (w: World) =>
  (await w.grantee.redshift.send(new DescribeEndpointAuthorizationCommand({ Grantee: true }))).EndpointAuthorizationList?.[0]?.EndpointCount;

describe("DeleteEndpointAccess", () => {
  it("DeleteEndpointAccess: answers deleting, is listed as deleting, then gone; the grant's EndpointCount drops when it is gone", async () => {
    await using w = await endpointWorld({ delays: { "endpoint-delete": 60_000 } });
    await grant(w);
    await granteeEndpoint(w, "bi");
    w.settle();
    assert.equal(await count(w), 1);
    const out = await del(w);
    assert.equal(out.EndpointStatus, "deleting");
    assert.equal(out.EndpointName, "bi");
    assert.equal((await w.grantee.redshift.send(new DescribeEndpointAccessCommand({ EndpointName: "bi" }))).EndpointAccessList?.[0]?.EndpointStatus, "deleting");
    assert.equal(await count(w), 1, "still counted while deleting");
    w.clock.advance(60_000);
    await expectAwsError(w.grantee.redshift.send(new DescribeEndpointAccessCommand({ EndpointName: "bi" })), "EndpointNotFoundFault", 404);
    assert.equal(await count(w), 0);
  });

  it("DeleteEndpointAccess: names are case-insensitive", async () => {
    await using w = await endpointWorld();
    await grant(w);
    await granteeEndpoint(w, "Bi-Endpoint");
    w.settle();
    const out = await del(w, "bi-endpoint");
    assert.equal(out.EndpointName, "Bi-Endpoint");
  });

  it("DeleteEndpointAccess: an unknown name, or another account's endpoint, is EndpointNotFound (404)", async () => {
    await using w = await endpointWorld();
    await grant(w);
    await granteeEndpoint(w, "bi");
    const err = await del(w, "nope").catch((e: unknown) => e);
    assert.ok(err instanceof EndpointNotFoundFault, `got ${String(err)}`);
    assert.equal(err.$metadata.httpStatusCode, 404);
    await expectAwsError(del(w, "bi", "grantor"), "EndpointNotFoundFault", 404);
  });

  it("DeleteEndpointAccess: creating, modifying or deleting endpoints are InvalidEndpointState", async () => {
    await using w = await endpointWorld({ delays: { "endpoint-create": 300_000, "endpoint-modify": 60_000, "endpoint-delete": 60_000 } });
    await grant(w);
    await granteeEndpoint(w, "bi");
    const creating = await del(w).catch((e: unknown) => e);
    assert.ok(creating instanceof InvalidEndpointStateFault, `got ${String(creating)}`);
    assert.equal(creating.$metadata.httpStatusCode, 400);
    w.clock.advance(300_000);
    await w.grantee.redshift.send(new ModifyEndpointAccessCommand({ EndpointName: "bi", VpcSecurityGroupIds: [w.granteeNet.sgId] }));
    await expectAwsError(del(w), "InvalidEndpointStateFault", 400);
    w.clock.advance(60_000);
    await del(w);
    await expectAwsError(del(w), "InvalidEndpointStateFault", 400);
  });

  it("DeleteEndpointAccess: a paused cluster refuses with InvalidClusterState; the endpoint stays", async () => {
    await using w = await endpointWorld();
    await grant(w);
    await granteeEndpoint(w, "bi");
    await w.grantor.redshift.send(new PauseClusterCommand({ ClusterIdentifier: w.cluster }));
    await expectAwsError(del(w), "InvalidClusterStateFault", 400);
    assert.equal((await w.grantee.redshift.send(new DescribeEndpointAccessCommand({ EndpointName: "bi" }))).EndpointAccessList?.[0]?.EndpointStatus, "active");
  });
});
