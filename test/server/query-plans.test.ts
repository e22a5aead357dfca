/**
 * The reads a write makes on every create take rows in the order an index keeps them, so SQLite
 * builds no temporary b-tree to sort them (it costs one even for a single row): the due rows
 * settling reads, a VPC's security group by name and the account's default VPC (these two sought by
 * every term, not found among the account's rows). The statements are
 * the ones the store ran for real requests (its `onStatement` hook), planned afterwards by
 * `EXPLAIN QUERY PLAN` on the same file.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import Database from "better-sqlite3";
import { CreateClusterCommand, CreateEndpointAccessCommand, AuthorizeEndpointAccessCommand } from "@aws-sdk/client-redshift";
import type { ManualClock } from "../../src/domain/clock.js";
import { resolveDelays } from "../../src/domain/lifecycle.js";
import { createHttpServer } from "../../src/server/http.js";
import { SQLITE_FILE, SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { testApp } from "../fixtures/app.js";
import { createCluster, createNetwork } from "../fixtures/endpoint-world.js";
import { GRANTEE, GRANTOR, clientsFor } from "../helpers.js";

const dir = mkdtempSync(join(tmpdir(), "rl-plans-"));
const statements = new Set<string>();
const store = new SqliteStore({ dataDir: dir, onStatement: (sql) => statements.add(sql) });
// Creates take a second, so that later requests settle them (a zero-delay create stores its row settled).
const app = testApp(store, { delays: resolveDelays({ "cluster-create": 1000, "endpoint-create": 1000 }) });
const clock = app.clock as ManualClock;
const server = createHttpServer(app);
/** Each SELECT the store ran, with its plan. */
const plans = new Map<string, string>();

describe("query plans of the reads every create makes (SQLite)", () => {
  before(async () => {
    server.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const grantor = clientsFor(url, GRANTOR);
    const grantee = clientsFor(url, GRANTEE);
    const net = await createNetwork(grantor, "10.0.0.0/16", "grantor-sng");
    await createCluster(grantor, "analytics", { ClusterSubnetGroupName: net.subnetGroupName });
    const plain = (id: string) =>
      grantor.redshift.send(new CreateClusterCommand({ ClusterIdentifier: id, NodeType: "ra3.xlplus", NumberOfNodes: 2, MasterUsername: "admin", MasterUserPassword: "Passw0rd1" }));
    await plain("first-in-default-group"); // the default VPC, its security group and subnet group
    clock.advance(60 * 60 * 1000);
    await plain("second-in-default-group"); // settles the first's creation
    await grantor.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "analytics", Account: GRANTEE }));
    const granteeNet = await createNetwork(grantee, "10.1.0.0/16", "grantee-sng");
    await grantee.redshift.send(new CreateEndpointAccessCommand({ EndpointName: "bi", ClusterIdentifier: "analytics", ResourceOwner: GRANTOR, SubnetGroupName: granteeNet.subnetGroupName }));
    clock.advance(60 * 60 * 1000);
    await plain("third-in-default-group"); // settles the endpoint and the second cluster
    server.close();
    await store.close();
    const db = new Database(join(dir, SQLITE_FILE), { readonly: true });
    for (const sql of statements) {
      if (!/^SELECT /.test(sql)) continue;
      plans.set(sql, (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join("; "));
    }
    db.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const sorted = (match: RegExp) => {
    const ran = [...plans].filter(([sql]) => match.test(sql));
    assert.ok(ran.length > 0, `no statement matching ${match} ran:\n${[...plans.keys()].join("\n")}`);
    return ran.filter(([, plan]) => /TEMP B-TREE/.test(plan)).map(([sql, plan]) => `${sql}\n  ${plan}`);
  };

  it("settling reads the due rows of clusters and endpoints in index order", () => {
    assert.deepEqual(sorted(/FROM (clusters|endpoints) WHERE due_at IS NOT NULL AND due_at <=/), []);
  });

  it("a VPC's security group by name and the account's default VPC are sought by every term and read in index order (not the account's rows scanned)", () => {
    assert.deepEqual(sorted(/FROM security_groups WHERE .*group_name = /), []);
    assert.deepEqual(sorted(/FROM vpcs WHERE .*is_default = /), []);
    for (const [sql, plan] of plans) {
      if (/FROM security_groups WHERE .*group_name = /.test(sql)) assert.match(plan, /vpc_id=\? AND group_name=\?/, sql);
      if (/FROM vpcs WHERE .*is_default = /.test(sql)) assert.match(plan, /is_default=\?/, sql);
    }
  });
});
