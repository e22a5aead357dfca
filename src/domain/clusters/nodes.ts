/**
 * Cluster nodes: how many a cluster may have (per node type and per account), and the `ClusterNodes`
 * AWS reports — a `SHARED` node for single-node clusters, else a `LEADER` and `COMPUTE-0…n-1`, each with
 * a private address in the cluster's subnet (and a public one when publicly accessible).
 */
import { randomInt } from "node:crypto";
import type { DomainContext } from "../context.js";
import type { Cluster, ClusterNode } from "../entities.js";
import {
  InsufficientClusterCapacity,
  InvalidParameterCombination,
  InvalidParameterValue,
  NumberOfNodesPerClusterLimitExceeded,
  NumberOfNodesQuotaExceeded,
} from "../errors.js";
import { formatIp, parseCidr, usableAddresses } from "../network/cidr.js";
import { nodeTypeSpec } from "./node-types.js";

export type ClusterType = "single-node" | "multi-node";

export function clusterTypeOf(numberOfNodes: number): ClusterType {
  return numberOfNodes === 1 ? "single-node" : "multi-node";
}

/**
 * The node count a request asks for. "If you don't specify [NumberOfNodes], you get a single-node
 * cluster"; multi-node needs NumberOfNodes ≥ 2 and single-node is exactly 1. Then the node type's range:
 * below its minimum (a type without single-node clusters) → InvalidParameterCombination, above its
 * maximum → NumberOfNodesPerClusterLimitExceeded.
 */
export function resolveNodeCount(nodeType: string, clusterType: string | undefined, numberOfNodes: number | undefined): number {
  if (numberOfNodes !== undefined && numberOfNodes < 1) {
    throw new InvalidParameterValue(`Invalid value ${numberOfNodes} for parameter NumberOfNodes: must be at least 1.`);
  }
  let count: number;
  if (clusterType === "single-node") {
    if (numberOfNodes !== undefined && numberOfNodes !== 1) {
      throw new InvalidParameterCombination("Number of nodes for cluster type single-node must be 1.");
    }
    count = 1;
  } else if (clusterType === "multi-node") {
    if (numberOfNodes === undefined || numberOfNodes < 2) {
      throw new InvalidParameterCombination("Number of nodes for cluster type multi-node must be greater than or equal to 2.");
    }
    count = numberOfNodes;
  } else {
    count = numberOfNodes ?? 1;
  }
  checkNodeRange(nodeType, count);
  return count;
}

export function checkNodeRange(nodeType: string, count: number): void {
  const spec = nodeTypeSpec(nodeType);
  if (!spec) throw new InvalidParameterValue(`Invalid node type: ${nodeType}.`);
  if (count < spec.minNodes) {
    throw new InvalidParameterCombination(`Node type ${nodeType} does not support single-node clusters; use at least ${spec.minNodes} nodes.`);
  }
  if (count > spec.maxNodes) {
    throw new NumberOfNodesPerClusterLimitExceeded(`A cluster of node type ${nodeType} can have at most ${spec.maxNodes} nodes; ${count} were requested.`);
  }
}

/** The nodes a cluster holds against the quota: a pending resize counts with its larger size. */
export function nodesInUse(cluster: Pick<Cluster, "numberOfNodes" | "pendingModifications">): number {
  return Math.max(cluster.numberOfNodes, cluster.pendingModifications?.numberOfNodes ?? 0);
}

/**
 * `nodes-per-account`: the nodes of every cluster of the caller's account and region (a pending resize
 * counts with its larger size), plus `adding`, must stay within the quota. `exceptId` leaves out the
 * cluster being resized.
 */
export async function checkNodeQuota(ctx: DomainContext, adding: number, exceptId?: string): Promise<void> {
  // One indexed aggregate (store/tables.ts `nodesInUse`), not a read of every cluster of the account.
  let used = await ctx.tx.clusters.sum({ account: ctx.scope.account, region: ctx.scope.region }, "nodesInUse");
  if (exceptId !== undefined) {
    const except = await ctx.tx.clusters.get(ctx.scope, exceptId);
    if (except) used -= nodesInUse(except);
  }
  const limit = ctx.quotas["nodes-per-account"];
  if (used + adding > limit) {
    throw new NumberOfNodesQuotaExceeded(
      `The request would exceed the quota of ${limit} nodes for this account in ${ctx.scope.region} (${used} in use, ${adding} requested).`,
    );
  }
}

/**
 * Distinct private addresses in the subnet, skipping the 4 first and the last address as EC2 reserves
 * them; `InsufficientClusterCapacity` when the subnet is too small for the cluster.
 */
function privateAddresses(cidr: string, count: number): string[] {
  // Subnets come validated from EC2, so the block always parses.
  const block = parseCidr(cidr)!;
  const first = block.base + 4;
  const usable = usableAddresses(block);
  if (usable < count) throw new InsufficientClusterCapacity(`The subnet ${cidr} does not have ${count} free IP addresses for the cluster's nodes.`);
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(first + randomInt(usable));
  return [...chosen].map(formatIp);
}

function publicAddress(): string {
  return formatIp(((52 + randomInt(3)) << 24) | randomInt(1 << 24));
}

export function allocateNodes(subnetCidr: string, numberOfNodes: number, publiclyAccessible: boolean): ClusterNode[] {
  const roles = numberOfNodes === 1 ? ["SHARED"] : ["LEADER", ...Array.from({ length: numberOfNodes }, (_, i) => `COMPUTE-${i}`)];
  const addresses = privateAddresses(subnetCidr, roles.length);
  return roles.map((role, i) => ({
    role,
    privateIp: addresses[i]!,
    publicIp: publiclyAccessible ? publicAddress() : undefined,
  }));
}
