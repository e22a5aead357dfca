/**
 * IAM roles of a cluster: CreateCluster's `IamRoles` / `DefaultIamRoleArn` and ModifyClusterIamRoles
 * (https://docs.aws.amazon.com/redshift/latest/APIReference/API_ModifyClusterIamRoles.html,
 * https://docs.aws.amazon.com/redshift/latest/mgmt/authorizing-redshift-service.html).
 *
 * AWS documents: roles are given as IAM role ARNs; the number a cluster may have is a quota (50,
 * "IAM roles for other AWS services" on the Quotas page; `--quota iam-roles-per-cluster=N`); the
 * cluster must exist (`ClusterNotFound`) and be `available` (`InvalidClusterState`); a role being
 * associated reports `ApplyStatus` `adding`, then `in-sync`, and one being disassociated `removing`
 * until it is gone — here through the `cluster-iam-roles` transition (the cluster is `modifying`
 * meanwhile, `--delay cluster-iam-roles=…`, default 0).
 * We decided (docs/differences-from-aws.md, Clusters; the model declares no fault for these, so they
 * are `InvalidParameterValue` / `InvalidParameterCombination`): an ARN must be
 * `arn:<the region's partition>:iam::<12 digits>:role/<path and name>`; a role both added and removed
 * in one call, or a `DefaultIamRoleArn` that is not among the cluster's roles after the change, is
 * `InvalidParameterCombination`; removing a role the cluster does not have is
 * `InvalidParameterValue`; adding one it already has changes nothing; removing the default role
 * clears `DefaultIamRoleArn`; over the quota is `InvalidParameterValue` naming it. Parameters are
 * checked before the cluster is looked up, the rest after.
 */
import type { DomainContext } from "../context.js";
import type { Cluster } from "../entities.js";
import { InvalidParameterCombination, InvalidParameterValue } from "../errors.js";
import { beginTransition } from "../lifecycle.js";
import { arnPartition } from "../network/zones.js";
import { getClusterForUpdate } from "./describe.js";
import { requireStatus } from "./status.js";

/** IAM role paths and names: `/` or `/…/`, then 1–64 of letters, digits and `+=,.@_-`. */
const ROLE_RESOURCE = /^role\/(?:[\x21-\x7e]*\/)?[\w+=,.@-]{1,64}$/;

/** Distinct role ARNs of the caller's partition, or `InvalidParameterValue` naming the parameter. */
export function checkRoleArns(region: string, roles: readonly string[], parameter: string): string[] {
  const prefix = `arn:${arnPartition(region)}:iam::`;
  for (const arn of roles) {
    const rest = arn.startsWith(prefix) ? arn.slice(prefix.length) : "";
    const m = /^(\d{12}):(.*)$/.exec(rest);
    if (!m || !ROLE_RESOURCE.test(m[2]!) || arn.length > 2048) {
      throw new InvalidParameterValue(`Invalid value '${arn}' for parameter ${parameter}: expected an IAM role ARN (${prefix}123456789012:role/name).`);
    }
  }
  return [...new Set(roles)];
}

export function checkRoleQuota(ctx: DomainContext, count: number): void {
  const limit = ctx.quotas["iam-roles-per-cluster"];
  if (count > limit) {
    throw new InvalidParameterValue(`A cluster can have at most ${limit} IAM roles (quota iam-roles-per-cluster); this request would give it ${count}.`);
  }
}

/** CreateCluster's roles and default role, checked. */
export function checkCreateRoles(ctx: DomainContext, roles: readonly string[], defaultRole: string | undefined): string[] {
  const unique = checkRoleArns(ctx.scope.region, roles, "IamRoles");
  checkRoleQuota(ctx, unique.length);
  if (defaultRole !== undefined && !unique.includes(defaultRole)) {
    throw new InvalidParameterCombination("DefaultIamRoleArn must be one of the IamRoles associated with the cluster.");
  }
  return unique;
}

export interface ClusterIamRoleView {
  readonly arn: string;
  readonly applyStatus: "in-sync" | "adding" | "removing";
}

export function clusterIamRoles(c: Pick<Cluster, "iamRoles" | "iamRoleChanges">): ClusterIamRoleView[] {
  return c.iamRoles.map((arn) => ({ arn, applyStatus: c.iamRoleChanges?.[arn] ?? "in-sync" }));
}

/** Completes the role changes when `cluster-iam-roles` settles: `adding` → in sync, `removing` → gone. */
export function applyIamRoleChanges(cluster: Cluster): void {
  const changes = cluster.iamRoleChanges;
  if (changes === undefined) return;
  cluster.iamRoles = cluster.iamRoles.filter((arn) => changes[arn] !== "removing");
  cluster.iamRoleChanges = undefined;
}

export interface ModifyClusterIamRolesRequest {
  readonly ClusterIdentifier: string;
  readonly AddIamRoles?: readonly string[] | undefined;
  readonly RemoveIamRoles?: readonly string[] | undefined;
  readonly DefaultIamRoleArn?: string | undefined;
}

export async function modifyClusterIamRoles(ctx: DomainContext, req: ModifyClusterIamRolesRequest): Promise<Cluster> {
  const add = checkRoleArns(ctx.scope.region, req.AddIamRoles ?? [], "AddIamRoles");
  const remove = checkRoleArns(ctx.scope.region, req.RemoveIamRoles ?? [], "RemoveIamRoles");
  const both = add.find((arn) => remove.includes(arn));
  if (both !== undefined) throw new InvalidParameterCombination(`The IAM role ${both} cannot be both added and removed in one request.`);
  if (req.DefaultIamRoleArn !== undefined) checkRoleArns(ctx.scope.region, [req.DefaultIamRoleArn], "DefaultIamRoleArn");

  const cluster = await getClusterForUpdate(ctx, req.ClusterIdentifier);
  requireStatus(cluster);
  const missing = remove.find((arn) => !cluster.iamRoles.includes(arn));
  if (missing !== undefined) throw new InvalidParameterValue(`The IAM role ${missing} is not associated with the cluster ${cluster.id}.`);
  const added = add.filter((arn) => !cluster.iamRoles.includes(arn));
  const after = [...cluster.iamRoles.filter((arn) => !remove.includes(arn)), ...added];
  checkRoleQuota(ctx, after.length);
  // Removing the default role while naming it as the default clears the default: the hashicorp/aws
  // provider's aws_redshift_cluster_iam_roles deletes with RemoveIamRoles = every role and
  // DefaultIamRoleArn = the current default.
  const defaultRemoved = req.DefaultIamRoleArn !== undefined && remove.includes(req.DefaultIamRoleArn);
  if (req.DefaultIamRoleArn !== undefined && !defaultRemoved && !after.includes(req.DefaultIamRoleArn)) {
    throw new InvalidParameterCombination("DefaultIamRoleArn must be one of the IAM roles associated with the cluster.");
  }

  if (added.length > 0 || remove.length > 0) {
    const changes: Record<string, "adding" | "removing"> = {};
    for (const arn of added) changes[arn] = "adding";
    for (const arn of remove) changes[arn] = "removing";
    cluster.iamRoles = [...cluster.iamRoles, ...added];
    cluster.iamRoleChanges = changes;
    beginTransition(cluster, "cluster-iam-roles", ctx.now, ctx.delays);
  }
  if (req.DefaultIamRoleArn !== undefined && !defaultRemoved) cluster.defaultIamRoleArn = req.DefaultIamRoleArn;
  else if (cluster.defaultIamRoleArn !== undefined && remove.includes(cluster.defaultIamRoleArn)) cluster.defaultIamRoleArn = undefined;
  await ctx.tx.clusters.update(cluster);
  return cluster;
}
