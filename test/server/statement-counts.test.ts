/**
 * SQL statements per hot operation, counted through the store (better-sqlite3's statement hook,
 * SqliteStore `onStatement`), so the performance work of issue 12 cannot silently regress: a
 * request costs its transaction (BEGIN … COMMIT) and the few indexed lookups its answer needs.
 * Counted with nothing due (every earlier transition settled), as a steady server sees them, on
 * the in-memory store, where a read runs no transaction statement (a file adds BEGIN, PRAGMA
 * data_version and COMMIT). The budgets are the counts measured when they were set: raise one only
 * with a reason.
 */
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import {
  AuthorizeEndpointAccessCommand,
  CreateClusterCommand,
  CreateEndpointAccessCommand,
  CreateTagsCommand,
  DescribeClustersCommand,
  DescribeEndpointAccessCommand,
  DescribeEndpointAuthorizationCommand,
  RebootClusterCommand,
} from "@aws-sdk/client-redshift";
import type { ManualClock } from "../../src/domain/clock.js";
import { createHttpServer } from "../../src/server/http.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { testApp } from "../fixtures/app.js";
import { createCluster, createNetwork, type Network } from "../fixtures/endpoint-world.js";
import { GRANTEE, GRANTOR, clientsFor, type Clients } from "../helpers.js";

const statements: string[] = [];
const store = new SqliteStore({ onStatement: (sql) => statements.push(sql) });
const app = testApp(store);
const clock = app.clock as ManualClock;
const server = createHttpServer(app);
let grantor: Clients;
let grantee: Clients;
let granteeNet: Network;

/**
 * The statements one call runs, after a request that settles whatever earlier calls left due;
 * `afterWrite`: and after a write (tagging the cluster), so that no read starts from what reads before kept.
 */
async function counted(call: () => Promise<unknown>, afterWrite = false): Promise<string[]> {
  clock.advance(1000);
  await grantor.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "analytics" }));
  if (afterWrite) await grantor.redshift.send(new CreateTagsCommand({ ResourceName: `arn:aws:redshift:us-east-1:${GRANTOR}:cluster:analytics`, Tags: [{ Key: "n", Value: String(clock.now()) }] }));
  statements.length = 0;
  await call();
  return [...statements];
}

function within(list: string[], budget: number, what: string): void {
  assert.ok(list.length <= budget, `${what}: ${list.length} statements, budget ${budget}:\n  ${list.join("\n  ")}`);
}

describe("statements per hot operation (SQLite, counted through the store)", () => {
  before(async () => {
    server.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    grantor = clientsFor(url, GRANTOR);
    grantee = clientsFor(url, GRANTEE);
    const grantorNet = await createNetwork(grantor, "10.0.0.0/16", "grantor-sng");
    await createCluster(grantor, "analytics", { ClusterSubnetGroupName: grantorNet.subnetGroupName });
    granteeNet = await createNetwork(grantee, "10.1.0.0/16", "grantee-sng");
    for (const n of [1, 2, 3]) await grantor.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "analytics", Account: `44444444444${n}` }));
    clock.advance(1000);
    await grantor.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "analytics", Account: GRANTEE }));
    clock.advance(1000);
    await grantee.redshift.send(
      new CreateEndpointAccessCommand({ EndpointName: "bi", ClusterIdentifier: "analytics", ResourceOwner: GRANTOR, SubnetGroupName: granteeNet.subnetGroupName }),
    );
  });
  after(async () => {
    server.close();
    await store.close();
  });

  it("statement count: DescribeClusters by id is one lookup (in memory a read runs no transaction statement)", async () => {
    // After a write (any write invalidates what reads kept), the row is read.
    const list = await counted(() => grantor.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "analytics" })), true);
    assert.ok(list.some((s) => /FROM clusters/.test(s)), list.join("\n"));
    assert.ok(!list.some((s) => /BEGIN IMMEDIATE/.test(s)), "a read never takes the write lock");
    within(list, 1, "DescribeClusters");
  });

  it("statement count: DescribeClusters by id again, nothing written since: the entity read before, no lookup", async () => {
    const list = await counted(() => grantor.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "analytics" })));
    assert.ok(!list.some((s) => /FROM clusters/.test(s)), list.join("\n"));
    within(list, 0, "DescribeClusters, repeated");
  });

  it("statement count: a page of DescribeEndpointAuthorization again, nothing written since: no query", async () => {
    const page = () => grantor.redshift.send(new DescribeEndpointAuthorizationCommand({ ClusterIdentifier: "analytics", MaxRecords: 20 }));
    const list = await counted(async () => {
      await page();
      statements.length = 0;
      await page();
    });
    assert.ok(!list.some((s) => /FROM authorizations/.test(s)), list.join("\n"));
    within(list, 0, "DescribeEndpointAuthorization page, repeated");
  });

  it("statement count: DescribeEndpointAuthorization by cluster+account reads the grant by its key", async () => {
    const list = await counted(() => grantor.redshift.send(new DescribeEndpointAuthorizationCommand({ ClusterIdentifier: "analytics", Account: GRANTEE })), true);
    within(list, 2, "DescribeEndpointAuthorization by cluster+account");
  });

  it("statement count: DescribeEndpointAccess by name reads the endpoint by its key", async () => {
    const list = await counted(() => grantee.redshift.send(new DescribeEndpointAccessCommand({ EndpointName: "bi" })), true);
    within(list, 1, "DescribeEndpointAccess by name");
  });

  it("statement count: a page of DescribeEndpointAuthorization is one query with a LIMIT, whatever the page holds", async () => {
    const list = await counted(() => grantor.redshift.send(new DescribeEndpointAuthorizationCommand({ ClusterIdentifier: "analytics", MaxRecords: 20 })), true);
    const pages = list.filter((s) => /FROM authorizations/.test(s));
    assert.ok(pages.some((s) => /LIMIT/.test(s)), `the page is limited in SQL:\n${list.join("\n")}`);
    within(list, 2, "DescribeEndpointAuthorization page");
  });

  it("statement count: AuthorizeEndpointAccess is one write transaction with a bounded number of statements", async () => {
    const list = await counted(() => grantor.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "analytics", Account: "555555555555" })));
    assert.equal(list.filter((s) => /^BEGIN/.test(s)).length, 1, "one transaction");
    // The grants-per-cluster quota reads the count the database keeps, not the cluster's grants.
    assert.ok(list.some((s) => /FROM authorization_counts/.test(s)), list.join("\n"));
    assert.ok(!list.some((s) => /count\(\*\)/.test(s)), list.join("\n"));
    // A new grant is inserted without being looked up first (the insert reports one that exists).
    assert.ok(!list.some((s) => /^SELECT body FROM authorizations/.test(s)), list.join("\n"));
    within(list, 5, "AuthorizeEndpointAccess");
  });

  it("statement count: AuthorizeEndpointAccess locks a cluster no write changed since the last one without reading it again", async () => {
    // A cluster of its own: "analytics" is at its grants-per-cluster quota by now.
    await createCluster(grantor, "kept");
    await grantor.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "kept", Account: "666666666661" }));
    const list = await counted(() => grantor.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "kept", Account: "666666666662" })));
    assert.ok(!list.some((s) => /^SELECT body FROM clusters/.test(s)), list.join("\n"));
    within(list, 4, "AuthorizeEndpointAccess, cluster kept");
  });

  it("statement count: CreateEndpointAccess is one write transaction with a bounded number of statements", async () => {
    const list = await counted(() =>
      grantee.redshift.send(
        new CreateEndpointAccessCommand({ EndpointName: "bi2", ClusterIdentifier: "analytics", ResourceOwner: GRANTOR, SubnetGroupName: granteeNet.subnetGroupName }),
      ),
    );
    assert.equal(list.filter((s) => /^BEGIN/.test(s)).length, 1, "one transaction");
    // Placement reads the subnets of the VPC's endpoint interfaces from an index, not every endpoint's body.
    assert.ok(!list.some((s) => /^SELECT body FROM endpoints WHERE .*vpc_id/.test(s)), list.join("\n"));
    assert.ok(list.some((s) => /^SELECT subnet_id FROM endpoints WHERE .*vpc_id/.test(s)), list.join("\n"));
    within(list, 13, "CreateEndpointAccess");
  });

  it("statement count: CreateCluster is one write transaction with a bounded number of statements", async () => {
    const create = (id: string) =>
      grantor.redshift.send(new CreateClusterCommand({ ClusterIdentifier: id, NodeType: "ra3.xlplus", NumberOfNodes: 2, MasterUsername: "admin", MasterUserPassword: "Passw0rd1" }));
    // The first cluster in the default subnet group creates that group (once per account): not counted.
    await create("second");
    const list = await counted(() => create("third"));
    assert.equal(list.filter((s) => /^BEGIN/.test(s)).length, 1, "one transaction");
    within(list, 10, "CreateCluster");
  });

  it("statement count: a create with zero delay stores its settled row, so the next request has nothing to settle", async () => {
    const create = (id: string) =>
      grantor.redshift.send(new CreateClusterCommand({ ClusterIdentifier: id, NodeType: "ra3.xlplus", NumberOfNodes: 2, MasterUsername: "admin", MasterUserPassword: "Passw0rd1" }));
    const created = await create("stored-settled");
    assert.equal(created.Cluster?.ClusterStatus, "creating"); // the answer is the transitional entity
    clock.advance(1000);
    statements.length = 0;
    await create("after-it");
    const list = [...statements];
    assert.equal(list.filter((s) => /due_at IS NOT NULL AND due_at <=/.test(s)).length, 0, list.join("\n"));
    assert.equal(list.filter((s) => /^UPDATE clusters/.test(s)).length, 0, list.join("\n"));
    const described = await grantor.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "stored-settled" }));
    assert.equal(described.Clusters?.[0]?.ClusterStatus, "available");
  });

  it("statement count: a create that settles a transition before it probes for due rows once and reads that cluster once", async () => {
    await grantor.redshift.send(new RebootClusterCommand({ ClusterIdentifier: "stored-settled" })); // with zero delays, due at once
    clock.advance(1000);
    statements.length = 0;
    await grantor.redshift.send(new CreateClusterCommand({ ClusterIdentifier: "settles-the-reboot", NodeType: "ra3.xlplus", NumberOfNodes: 2, MasterUsername: "admin", MasterUserPassword: "Passw0rd1" }));
    const list = [...statements];
    // The pass read every due row and made nothing due by now: no second probe, and the due row is not read again.
    assert.equal(list.filter((s) => /min\(due_at\)/.test(s)).length, 1, list.join("\n"));
    assert.equal(list.filter((s) => /FROM clusters WHERE due_at IS NOT NULL AND due_at <=/.test(s)).length, 1, list.join("\n"));
    assert.equal(list.filter((s) => /SELECT body FROM clusters WHERE account = .* AND id = 'stored-settled'/.test(s)).length, 0, list.join("\n"));
    assert.equal(list.filter((s) => /^UPDATE clusters/.test(s)).length, 1, list.join("\n"));
    const described = await grantor.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "stored-settled" }));
    assert.equal(described.Clusters?.[0]?.ClusterStatus, "available");
  });

  it("statement count: STS GetCallerIdentity runs no statement at all", async () => {
    const list = await counted(() => grantor.sts.send(new GetCallerIdentityCommand({})));
    assert.deepEqual(list, []);
  });
});
