import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DescribeClusterTracksCommand, ModifyClusterCommand } from "@aws-sdk/client-redshift";
import { GRANTOR, clientsFor, startServer } from "../helpers.js";
import { clockedServer, createCluster, describeCluster } from "../fixtures/clusters-world.js";

/** The base64 blob of an `ssh-rsa` line, read as RFC 4253 strings: key type, exponent, modulus. */
function sshFields(line: string): Buffer[] {
  const match = /^ssh-rsa ([A-Za-z0-9+/=]+) Amazon-Redshift$/.exec(line);
  assert.ok(match, `an ssh-rsa line: ${line}`);
  const blob = Buffer.from(match[1]!, "base64");
  const fields: Buffer[] = [];
  for (let at = 0; at < blob.length; ) {
    const length = blob.readUInt32BE(at);
    fields.push(blob.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return fields;
}

describe("Cluster fields tools compare", () => {
  it("ClusterPublicKey: a well-formed 2048-bit ssh-rsa public key ending in Amazon-Redshift, stable across reads and different per cluster", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    const created = await createCluster(c, "one");
    const key = (await describeCluster(c, "one")).ClusterPublicKey!;
    assert.equal(created.ClusterPublicKey, key);
    assert.equal((await describeCluster(c, "one")).ClusterPublicKey, key);
    const [type, exponent, modulus] = sshFields(key);
    assert.equal(type!.toString(), "ssh-rsa");
    assert.deepEqual([...exponent!], [1, 0, 1]);
    assert.equal(modulus!.length, 257);
    assert.equal(modulus![0], 0);
    assert.ok(modulus![1]! >= 0x80 && modulus![256]! % 2 === 1);
    await createCluster(c, "two");
    assert.notEqual((await describeCluster(c, "two")).ClusterPublicKey, key);
  });

  it("ClusterRevisionNumber: the build of the cluster's maintenance track, following a track change", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    const tracks = (await c.redshift.send(new DescribeClusterTracksCommand({}))).MaintenanceTracks!;
    const build = (name: string) => tracks.find((t) => t.MaintenanceTrackName === name)!.DatabaseVersion!.split(".").pop();
    const cluster = await createCluster(c, "wh");
    assert.match(cluster.ClusterRevisionNumber!, /^\d+$/);
    assert.equal(cluster.ClusterRevisionNumber, build("current"));
    await c.redshift.send(new ModifyClusterCommand({ ClusterIdentifier: "wh", MaintenanceTrackName: "trailing" }));
    assert.equal((await describeCluster(c, "wh")).ClusterRevisionNumber, build("trailing"));
  });

  it("defaults tools compare: ClusterVersion 1.0, MaintenanceTrackName current, AllowVersionUpgrade true, a weekly 30-minute maintenance window, no KmsKeyId unless given", async () => {
    const { rs } = await clockedServer();
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    const plain = await createCluster(c, "plain", { Encrypted: true });
    assert.equal(plain.ClusterVersion, "1.0");
    assert.equal(plain.MaintenanceTrackName, "current");
    assert.equal(plain.AllowVersionUpgrade, true);
    assert.match(plain.PreferredMaintenanceWindow!, /^(mon|tue|wed|thu|fri|sat|sun):\d\d:\d\d-(mon|tue|wed|thu|fri|sat|sun):\d\d:\d\d$/);
    assert.equal(plain.KmsKeyId, undefined);
    const key = "arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d-0000-4000-8000-000000000001";
    const keyed = await createCluster(c, "keyed", { Encrypted: true, KmsKeyId: key });
    assert.equal(keyed.KmsKeyId, key);
    assert.equal((await describeCluster(c, "keyed")).KmsKeyId, key);
  });
});
