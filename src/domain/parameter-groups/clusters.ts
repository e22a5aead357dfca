/**
 * How clusters see their parameter group: `ParameterApplyStatus` `in-sync`, or `pending-reboot` after
 * the cluster moved to another group or a static parameter of its group changed, until a reboot
 * completes (https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-parameter-groups.html:
 * static parameters need a reboot; dynamic ones apply at once). `ClusterParameterStatusList` lists
 * every parameter of a user group and nothing for a default group, as AWS's answers show.
 */
import type { DomainContext } from "../context.js";
import type { Cluster } from "../entities.js";
import { familyOfDefaultGroup, familyParameters, DEFAULT_FAMILY } from "./catalogue.js";

/** Marks the clusters using `groupName` as waiting for a reboot to apply the named static parameters. */
export async function markPendingReboot(ctx: DomainContext, groupName: string, parameters: readonly string[]): Promise<void> {
  if (parameters.length === 0) return;
  const clusters = await ctx.tx.clusters.find({ account: ctx.scope.account, region: ctx.scope.region, parameterGroupName: groupName });
  for (const cluster of clusters) {
    const pending = cluster.pendingReboot ?? {};
    pending.parameters = [...new Set([...(pending.parameters ?? []), ...parameters])];
    cluster.pendingReboot = pending;
    await ctx.tx.clusters.update(cluster);
  }
}

export interface ClusterParameterGroupStatus {
  readonly name: string;
  readonly applyStatus: "in-sync" | "pending-reboot";
  readonly parameters: readonly { readonly name: string; readonly applyStatus: "in-sync" | "pending-reboot" }[];
}

export function parameterGroupStatus(cluster: Cluster): ClusterParameterGroupStatus {
  const pending = cluster.pendingReboot;
  const applyStatus = pending === undefined ? "in-sync" : "pending-reboot";
  if (familyOfDefaultGroup(cluster.parameterGroupName) !== undefined) return { name: cluster.parameterGroupName, applyStatus, parameters: [] };
  // A user group's family is the only one documented; a group's family cannot change while a cluster uses it.
  const waiting = new Set(pending?.parameters ?? []);
  const parameters = familyParameters(DEFAULT_FAMILY).map((p) => ({
    name: p.name,
    applyStatus: pending?.group === true || waiting.has(p.name) ? ("pending-reboot" as const) : ("in-sync" as const),
  }));
  return { name: cluster.parameterGroupName, applyStatus, parameters };
}
