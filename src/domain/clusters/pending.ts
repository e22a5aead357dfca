/**
 * Pending modifications: a ModifyCluster that resizes the cluster, changes its public accessibility,
 * enhanced VPC routing or master password reports those in `PendingModifiedValues` while the cluster is
 * `modifying`, and they take effect when the `cluster-modify` transition completes (domain/settle.ts
 * calls `applyPendingModifications` then). Everything else ModifyCluster changes applies at once.
 */
import type { Cluster } from "../entities.js";
import { allocateNodes } from "./nodes.js";

export function applyPendingModifications(cluster: Cluster): void {
  const pending = cluster.pendingModifications;
  if (pending === undefined) return;
  const resized = pending.nodeType !== undefined || pending.numberOfNodes !== undefined;
  const exposed = pending.publiclyAccessible !== undefined && pending.publiclyAccessible !== cluster.publiclyAccessible;
  if (pending.nodeType !== undefined) cluster.nodeType = pending.nodeType;
  if (pending.numberOfNodes !== undefined) cluster.numberOfNodes = pending.numberOfNodes;
  if (pending.publiclyAccessible !== undefined) cluster.publiclyAccessible = pending.publiclyAccessible;
  if (pending.enhancedVpcRouting !== undefined) cluster.enhancedVpcRouting = pending.enhancedVpcRouting;
  if (resized || exposed) cluster.nodes = allocateNodes(cluster.subnetCidr, cluster.numberOfNodes, cluster.publiclyAccessible);
  cluster.pendingModifications = undefined;
}
