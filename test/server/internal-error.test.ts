/**
 * An unexpected internal error (here: the store failing in the middle of an operation)
 * answers 500 InternalFailure with a request id in the service's envelope, is logged with its
 * stack, and leaves the store as it was — every operation is one transaction. The server is the
 * real HTTP adapter over an App whose store breaks on demand.
 */
import assert from "node:assert/strict";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { describe, it } from "node:test";
import { CreateClusterCommand, DescribeClustersCommand } from "@aws-sdk/client-redshift";
import { DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import { createHttpServer } from "../../src/server/http.js";
import { Logger } from "../../src/server/logger.js";
import { serveInSuite, testApp } from "../fixtures/app.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import type { Store, Tx } from "../../src/store/store.js";
import { GRANTOR, clientsFor, expectAwsError } from "../helpers.js";

/** A store whose cluster inserts fail while `broken` is set, after the operation's earlier writes. */
function breakableStore(inner: Store): Store & { broken: boolean } {
  const store = {
    broken: false,
    kind: inner.kind,
    location: inner.location,
    transact<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      return inner.transact((tx) => {
        const clusters = {
          ...tx.clusters,
          get: tx.clusters.get.bind(tx.clusters),
          getForUpdate: tx.clusters.getForUpdate.bind(tx.clusters),
          update: tx.clusters.update.bind(tx.clusters),
          remove: tx.clusters.remove.bind(tx.clusters),
          find: tx.clusters.find.bind(tx.clusters),
          count: tx.clusters.count.bind(tx.clusters),
          sum: tx.clusters.sum.bind(tx.clusters),
          due: tx.clusters.due.bind(tx.clusters),
          insert: async (entity: Parameters<Tx["clusters"]["insert"]>[0]) => {
            if (store.broken) throw new Error("disk I/O error (simulated)");
            return tx.clusters.insert(entity);
          },
        };
        return fn({ ...tx, anyDue: tx.anyDue.bind(tx), clusters });
      });
    },
    read: <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => inner.read(fn),
    health: () => inner.health(),
    snapshot: () => inner.snapshot(),
    reset: () => inner.reset(),
    close: () => inner.close(),
  };
  return store;
}

describe("internal errors", () => {
  const lines: string[] = [];
  const store = breakableStore(new SqliteStore());
  const app = testApp(store, { logger: new Logger("info", (line) => lines.push(line)) });
  const served = serveInSuite(app);

  it("internal error: 500 InternalFailure (Receiver) with a request id, logged with the stack, and nothing of the operation is kept", async () => {
    const { redshift, ec2 } = clientsFor(served.url(), GRANTOR);
    store.broken = true;
    // CreateCluster first creates the account's default VPC, subnets and security group, then fails.
    const create = new CreateClusterCommand({ ClusterIdentifier: "c1", NodeType: "ra3.xlplus", NumberOfNodes: 2, MasterUsername: "admin", MasterUserPassword: "Passw0rd1" });
    const error = await expectAwsError(redshift.send(create), "InternalFailure", 500);
    assert.equal(error.$fault, "server");
    assert.doesNotMatch(error.message, /disk I\/O/, "the internal detail stays in the log");
    const logged = lines.map((l) => JSON.parse(l) as { level: string; msg: string; requestId?: string; stack?: string }).find((l) => l.msg === "internal error");
    assert.ok(logged, `an internal error line: ${lines.join("\n")}`);
    assert.equal(logged.level, "error");
    assert.equal(logged.requestId, error.$metadata?.requestId);
    assert.match(logged.stack ?? "", /disk I\/O error \(simulated\)\n\s+at /);
    assert.equal(lines.filter((l) => l.includes(error.$metadata!.requestId!)).length, 1, "logged once: one line with the request's fields and the stack");
    assert.deepEqual(
      [(logged as Record<string, unknown>).action, (logged as Record<string, unknown>).status, (logged as Record<string, unknown>).code],
      ["CreateCluster", 500, "InternalFailure"],
    );

    const snapshot = await store.snapshot();
    assert.deepEqual([snapshot.vpcs, snapshot.subnets, snapshot.securityGroups, snapshot.clusters], [[], [], [], []], "the default VPC created before the failure was rolled back");

    store.broken = false;
    const retried = await redshift.send(create);
    assert.equal(retried.Cluster?.ClusterIdentifier, "c1");
    assert.equal((await redshift.send(new DescribeClustersCommand({}))).Clusters?.length, 1);
    assert.equal((await ec2.send(new DescribeVpcsCommand({}))).Vpcs?.length, 1);
  });

  it("internal error: an admin route that fails answers 500 InternalFailure in an AWS envelope, never an empty body", async () => {
    const failing = { ...app, store: { ...store, snapshot: () => Promise.reject(new Error("snapshot failed (simulated)")) } };
    const broken = createHttpServer(failing);
    broken.listen(0, "127.0.0.1");
    await once(broken, "listening");
    try {
      const res = await fetch(`http://127.0.0.1:${(broken.address() as AddressInfo).port}/_redshift-local/state`);
      const text = await res.text();
      assert.equal(res.status, 500);
      const id = res.headers.get("x-amzn-requestid");
      assert.ok(id);
      assert.match(text, new RegExp(`<Code>InternalFailure</Code>.*<RequestId>${id}</RequestId>`));
      assert.ok(lines.some((l) => l.includes("snapshot failed (simulated)") && l.includes(id)), "logged with its request id");
    } finally {
      await new Promise((resolve) => broken.close(resolve));
    }
  });
});
