/**
 * Durability of the default store (README "Storage"): state in `--data-dir` survives a clean stop, an
 * acknowledged write survives `kill -9`, lifecycle due times survive a restart, and `--in-memory`
 * never touches the disk.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import Database from "better-sqlite3";
import { CreateVpcCommand, DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import { CreateClusterCommand, DescribeClustersCommand, type CreateClusterCommandInput } from "@aws-sdk/client-redshift";
import { ManualClock, startRedshiftLocal } from "../../src/index.js";
import { SQLITE_FILE } from "../../src/store/sqlite/sqlite-store.js";
import { GRANTOR, clientsFor } from "../helpers.js";
import { runCli, startCli } from "./spawn.js";

const cluster = (id: string): CreateClusterCommandInput => ({
  ClusterIdentifier: id,
  NodeType: "ra3.xlplus",
  NumberOfNodes: 2,
  MasterUsername: "admin",
  MasterUserPassword: "Passw0rd1",
});

let root: string;
before(() => {
  root = mkdtempSync(join(tmpdir(), "rl-persist-"));
});
after(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
const freshDir = (): string => join(root, `data-${++n}`);

async function vpcIds(url: string): Promise<string[]> {
  const out = await clientsFor(url, GRANTOR).ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "is-default", Values: ["false"] }] }));
  return (out.Vpcs ?? []).map((v) => v.VpcId!).sort();
}

async function clusterStatus(url: string, id: string): Promise<string | undefined> {
  const out = await clientsFor(url, GRANTOR).redshift.send(new DescribeClustersCommand({ ClusterIdentifier: id }));
  return out.Clusters?.[0]?.ClusterStatus;
}

describe("persistence", () => {
  it("persistence: state in --data-dir survives a stop (SIGTERM) and a restart", async () => {
    const dataDir = freshDir();
    let vpcId: string;
    {
      await using rs = await startCli(["--port", "0", "--data-dir", dataDir]);
      const { ec2, redshift } = clientsFor(rs.url, GRANTOR);
      vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.20.0.0/16" }))).Vpc!.VpcId!;
      await redshift.send(new CreateClusterCommand(cluster("kept")));
      assert.equal(await rs.stop(), 0);
    }
    assert.ok(existsSync(join(dataDir, SQLITE_FILE)));
    await using rs = await startCli(["--port", "0", "--data-dir", dataDir]);
    assert.deepEqual(await vpcIds(rs.url), [vpcId]);
    assert.equal(await clusterStatus(rs.url, "kept"), "available");
    const health = (await (await fetch(`${rs.url}/_redshift-local/health`)).json()) as { store: string };
    assert.equal(health.store, "sqlite");
  });

  it("persistence: every acknowledged write survives kill -9 right after its response", async () => {
    const dataDir = freshDir();
    const created: string[] = [];
    {
      await using rs = await startCli(["--port", "0", "--data-dir", dataDir]);
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      for (let i = 0; i < 5; i++) created.push((await ec2.send(new CreateVpcCommand({ CidrBlock: `10.${30 + i}.0.0/16` }))).Vpc!.VpcId!);
      assert.equal(await rs.stop("SIGKILL"), "SIGKILL");
    }
    await using rs = await startCli(["--port", "0", "--data-dir", dataDir]);
    assert.deepEqual(await vpcIds(rs.url), created.sort());
  });

  it("persistence: a reset through the admin route is durable too", async () => {
    const dataDir = freshDir();
    {
      await using rs = await startCli(["--port", "0", "--data-dir", dataDir]);
      await clientsFor(rs.url, GRANTOR).ec2.send(new CreateVpcCommand({ CidrBlock: "10.40.0.0/16" }));
      assert.equal((await fetch(`${rs.url}/_redshift-local/reset`, { method: "POST" })).status, 200);
      assert.equal(await rs.stop("SIGKILL"), "SIGKILL");
    }
    await using rs = await startCli(["--port", "0", "--data-dir", dataDir]);
    assert.deepEqual(await vpcIds(rs.url), []);
  });

  it("persistence: a due time is stored, not recomputed — a restart with other --delay values keeps it", async () => {
    const dataDir = freshDir();
    {
      await using rs = await startCli(["--port", "0", "--data-dir", dataDir, "--delay", "cluster-create=1h"]);
      const out = await clientsFor(rs.url, GRANTOR).redshift.send(new CreateClusterCommand(cluster("slow")));
      assert.equal(out.Cluster?.ClusterStatus, "creating");
      assert.equal(await rs.stop(), 0);
    }
    await using rs = await startCli(["--port", "0", "--data-dir", dataDir, "--delay", "all=0"]);
    assert.equal(await clusterStatus(rs.url, "slow"), "creating", "still an hour to go");
  });

  it("persistence: lifecycle due times persist — reopened with the clock advanced, the transition has settled", async () => {
    const dataDir = freshDir();
    const clock = new ManualClock(Date.UTC(2026, 0, 2, 3, 4, 5));
    const options = { port: 0, store: { kind: "sqlite" as const, dataDir }, logLevel: "silent" as const, clock, delays: ["cluster-create=10m"] };
    {
      await using rs = await startRedshiftLocal(options);
      const out = await clientsFor(rs.url, GRANTOR).redshift.send(new CreateClusterCommand(cluster("timed")));
      assert.equal(out.Cluster?.ClusterStatus, "creating");
    }
    {
      await using rs = await startRedshiftLocal(options);
      clock.advance(10 * 60_000 - 1);
      assert.equal(await clusterStatus(rs.url, "timed"), "creating", "1 ms before the due time");
    }
    clock.advance(1);
    await using rs = await startRedshiftLocal(options);
    assert.equal(await clusterStatus(rs.url, "timed"), "available");
  });

  it("persistence: the CLI's default store is ./.redshift-local in the working directory", async () => {
    const cwd = freshDir();
    mkdirSync(cwd);
    {
      await using rs = await startCli(["--port", "0"], { cwd });
      await clientsFor(rs.url, GRANTOR).ec2.send(new CreateVpcCommand({ CidrBlock: "10.50.0.0/16" }));
      assert.equal(await rs.stop(), 0);
    }
    const file = join(cwd, ".redshift-local", SQLITE_FILE);
    assert.ok(existsSync(file));
    const db = new Database(file, { readonly: true });
    assert.equal((db.prepare("SELECT count(*) AS n FROM vpcs WHERE is_default = 0").get() as { n: number }).n, 1);
    db.close();
  });

  it("persistence: --in-memory leaves no files behind", async () => {
    const cwd = freshDir();
    mkdirSync(cwd);
    {
      await using rs = await startCli(["--port", "0", "--in-memory"], { cwd });
      const { ec2, redshift } = clientsFor(rs.url, GRANTOR);
      await ec2.send(new CreateVpcCommand({ CidrBlock: "10.60.0.0/16" }));
      await redshift.send(new CreateClusterCommand(cluster("ephemeral")));
      assert.equal(await rs.stop(), 0);
    }
    assert.deepEqual(readdirSync(cwd), []);
    await using rs = await startCli(["--port", "0", "--in-memory"], { cwd });
    assert.deepEqual(await vpcIds(rs.url), [], "a new in-memory server starts empty");
  });

  it("persistence: a database written by a newer redshift-local stops start-up with exit 1 and a clear message", async () => {
    const dataDir = freshDir();
    mkdirSync(dataDir);
    const db = new Database(join(dataDir, SQLITE_FILE));
    db.pragma("user_version = 999");
    db.close();
    const { code, stderr, stdout } = await runCli(["--port", "0", "--data-dir", dataDir]);
    assert.equal(code, 1);
    assert.equal(stdout, "");
    assert.match(stderr, /could not start: cannot open the database .*redshift-local\.sqlite: database schema version 999 is newer than this redshift-local/);
  });
});
