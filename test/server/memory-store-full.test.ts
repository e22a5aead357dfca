/**
 * The in-memory store is a SQLite memdb image, which grows to 1 GiB (sqlite-store.ts). A write
 * that would pass the limit answers 503 ServiceUnavailable with a message that says so, nothing of
 * it is applied, and what the store holds is still served. The limit is lowered here with the
 * store's `memoryPages` test hook, so that a few creates reach it.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateClusterCommand, DescribeClustersCommand } from "@aws-sdk/client-redshift";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { serveInSuite, testApp } from "../fixtures/app.js";
import { GRANTOR, clientsFor, expectAwsError } from "../helpers.js";

describe("in-memory store at its size limit", () => {
  // 1 page: SQLite keeps the limit at the database's size after migrations, so any new page is refused.
  const served = serveInSuite(testApp(new SqliteStore({ memoryPages: 1 })));

  it("memory store full: a write past the limit answers 503 ServiceUnavailable, applies nothing, and what was stored is still served", async () => {
    const { redshift } = clientsFor(served.url(), GRANTOR);
    const create = (id: string) =>
      redshift.send(new CreateClusterCommand({ ClusterIdentifier: id, NodeType: "ra3.xlplus", NumberOfNodes: 2, MasterUsername: "admin", MasterUserPassword: "Passw0rd1" }));
    const stored: string[] = [];
    let refused: string | undefined;
    // Clusters fill the pages the tables already have, then one needs a new page.
    for (let i = 0; i < 50 && refused === undefined; i++) {
      const id = `c${i}`;
      const ok = await create(id).then(
        () => true,
        () => false,
      );
      if (ok) stored.push(id);
      else refused = id;
    }
    assert.ok(refused !== undefined, "a create was refused within 50");
    // The same create again: refused the same way, with the limit named.
    const error = await expectAwsError(create(refused), "ServiceUnavailable", 503);
    assert.match(error.message, /in-memory store is full \(1 GiB\).*--data-dir/);
    assert.ok(stored.length > 0, "the first creates fit in the pages the tables have");
    const listed = (await redshift.send(new DescribeClustersCommand({}))).Clusters?.map((c) => c.ClusterIdentifier);
    assert.deepEqual(listed, stored, "every acknowledged cluster is served, and the refused one was not applied");
    await expectAwsError(redshift.send(new DescribeClustersCommand({ ClusterIdentifier: refused })), "ClusterNotFoundFault", 404);
  });
});
