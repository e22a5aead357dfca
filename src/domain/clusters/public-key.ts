/**
 * A cluster's `ClusterPublicKey` and `ClusterRevisionNumber`.
 *
 * AWS answers the public key of the cluster's SSH key pair (used to load data over SSH) as one
 * OpenSSH line, `ssh-rsa AAAA… Amazon-Redshift`, as the example of
 * https://docs.aws.amazon.com/redshift/latest/dg/load-from-host-steps-retrieve-key-and-ips.html shows.
 * Nothing here connects over SSH, so no private key exists: the line is a well-formed 2048-bit
 * `ssh-rsa` public key whose modulus is derived from the cluster's namespace (a random UUID
 * drawn at creation), so it is stable for the cluster's life and differs between clusters
 * (docs/differences-from-aws.md, Clusters).
 */
import * as crypto from "node:crypto";
import type { Cluster } from "../entities.js";
import { clusterRevisionNumber } from "../catalog/catalog.js";

const MODULUS_BYTES = 256;

function sshString(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/**
 * SHA-256 of `text`: where Node has `crypto.hash` (20.12 and later), one call without the Hash
 * object `createHash` makes each time (a CreateCluster derives 8); the same digest either way
 * (test/domain/cluster-public-key.test.ts pins the key).
 */
const sha256: (text: string) => Buffer =
  typeof crypto.hash === "function" ? (text) => crypto.hash("sha256", text, "buffer") : (text) => crypto.createHash("sha256").update(text).digest();

function modulus(seed: string): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; blocks.length * 32 < MODULUS_BYTES; i++) blocks.push(sha256(`${seed}#${i}`));
  const n = Buffer.concat(blocks).subarray(0, MODULUS_BYTES);
  n[0] = n[0]! | 0x80; // a full 2048-bit modulus
  n[MODULUS_BYTES - 1] = n[MODULUS_BYTES - 1]! | 0x01; // odd, as every RSA modulus is
  return Buffer.concat([Buffer.from([0]), n]); // mpint: a leading zero keeps it positive
}

/**
 * Keys already derived, by seed: the derivation (8 SHA-256 and a base64 of 279 bytes) is a pure
 * function, and every DescribeClusters answers it. Bounded: past the limit the oldest half is dropped.
 */
const derived = new Map<string, string>();
const DERIVED_LIMIT = 4096;

export function clusterPublicKey(cluster: Pick<Cluster, "account" | "region" | "id" | "namespaceId">): string {
  const seed = `${cluster.account}/${cluster.region}/${cluster.id}/${cluster.namespaceId}`;
  let key = derived.get(seed);
  if (key === undefined) {
    key = deriveKey(seed);
    if (derived.size >= DERIVED_LIMIT) {
      let drop = DERIVED_LIMIT / 2;
      for (const old of derived.keys()) {
        if (drop-- === 0) break;
        derived.delete(old);
      }
    }
    derived.set(seed, key);
  }
  return key;
}

function deriveKey(seed: string): string {
  const blob = Buffer.concat([
    sshString(Buffer.from("ssh-rsa")),
    sshString(Buffer.from([0x01, 0x00, 0x01])),
    sshString(modulus(seed)),
  ]);
  return `ssh-rsa ${blob.toString("base64")} Amazon-Redshift`;
}

/** The database revision: the build of the cluster's maintenance track (DescribeClusterTracks). */
export function revisionNumber(cluster: Pick<Cluster, "maintenanceTrackName">): string {
  return clusterRevisionNumber(cluster.maintenanceTrackName);
}
