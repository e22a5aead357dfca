/**
 * CreateUsageLimit, DescribeUsageLimits, ModifyUsageLimit and DeleteUsageLimit
 * (docs/differences-from-aws.md, Usage limits).
 *
 * AWS documents (https://docs.aws.amazon.com/redshift/latest/APIReference/API_CreateUsageLimit.html,
 * https://docs.aws.amazon.com/redshift/latest/APIReference/API_UsageLimit.html): spectrum and
 * cross-region-datasharing limits are `data-scanned` (terabytes), concurrency-scaling limits are
 * `time` (minutes); the amount is positive; `Period` defaults to monthly and `BreachAction` to log;
 * up to 4 limits per feature per cluster, and extra-compute-for-automatic-optimization limits are
 * measured in time (https://docs.aws.amazon.com/redshift/latest/mgmt/rs-mgmt-set-limit-cluster.html).
 * We decided: a bad combination or a non-positive amount is
 * `InvalidUsageLimit`; a limit goes with its cluster, and follows it when renamed.
 */
import type { DomainContext } from "../context.js";
import type { UsageLimit, UsageLimitBreachAction, UsageLimitFeatureType, UsageLimitLimitType, UsageLimitPeriod } from "../entities.js";
import { ClusterNotFound, InvalidClusterState, InvalidUsageLimit, LimitExceededFault, UsageLimitNotFound } from "../errors.js";
import { randomToken } from "../ids.js";
import { decodeMarker, encodeMarker, pageSize, type Page } from "../pagination.js";
import { cursorOf } from "../../store/store.js";
import { getClusterForUpdate } from "../clusters/describe.js";
import { clusterKey } from "../clusters/rules.js";
import { checkTags, filteredFetch, matchesTags, type TagFilter } from "../clusters/tags.js";

/** The limit type each feature takes. */
export const LIMIT_TYPE_OF: Readonly<Record<UsageLimitFeatureType, UsageLimitLimitType>> = {
  spectrum: "data-scanned",
  "concurrency-scaling": "time",
  "cross-region-datasharing": "data-scanned",
  "extra-compute-for-automatic-optimization": "time",
};

/** `rul-` + 12 lowercase letters and digits, the form of AWS's usage limit ids. */
export function usageLimitId(): string {
  return `rul-${randomToken(12)}`;
}

function checkAmount(amount: number): void {
  if (!(amount > 0)) throw new InvalidUsageLimit(`The usage limit amount must be a positive number; got ${amount}.`);
}

export interface CreateUsageLimitRequest {
  ClusterIdentifier: string;
  FeatureType: UsageLimitFeatureType;
  LimitType: UsageLimitLimitType;
  Amount: number;
  Period?: UsageLimitPeriod | undefined;
  BreachAction?: UsageLimitBreachAction | undefined;
  Tags?: { Key?: string | undefined; Value?: string | undefined }[] | undefined;
}

export async function createUsageLimit(ctx: DomainContext, req: CreateUsageLimitRequest): Promise<UsageLimit> {
  const expected = LIMIT_TYPE_OF[req.FeatureType];
  if (req.LimitType !== expected) {
    throw new InvalidUsageLimit(`The limit type ${req.LimitType} is not valid for the feature ${req.FeatureType}: use ${expected}.`);
  }
  checkAmount(req.Amount);
  const tags = checkTags(req.Tags);
  const cluster = await getClusterForUpdate(ctx, req.ClusterIdentifier);
  if (cluster.status === "deleting") throw new InvalidClusterState(`The cluster ${cluster.id} is being deleted.`);
  const limit = ctx.quotas["usage-limits-per-feature-per-cluster"];
  const existing = await ctx.tx.usageLimits.count({ account: cluster.account, region: cluster.region, clusterId: cluster.id, featureType: req.FeatureType });
  if (existing >= limit) {
    throw new LimitExceededFault(`The cluster ${cluster.id} already has the maximum number of usage limits (${limit}) for the feature ${req.FeatureType}.`);
  }
  const usageLimit: UsageLimit = {
    account: cluster.account,
    region: cluster.region,
    id: usageLimitId(),
    createdAt: ctx.now,
    clusterId: cluster.id,
    featureType: req.FeatureType,
    limitType: req.LimitType,
    amount: req.Amount,
    period: req.Period ?? "monthly",
    breachAction: req.BreachAction ?? "log",
    tags,
  };
  await ctx.tx.usageLimits.insert(usageLimit);
  return usageLimit;
}

export interface DescribeUsageLimitsRequest extends TagFilter {
  UsageLimitId?: string | undefined;
  ClusterIdentifier?: string | undefined;
  FeatureType?: UsageLimitFeatureType | undefined;
  MaxRecords?: number | undefined;
  Marker?: string | undefined;
}

/**
 * The caller's limits matching every filter given, in creation order, a page at a time. A named
 * cluster must exist (`ClusterNotFound`); an unknown `UsageLimitId` matches nothing (the operation
 * models no not-found error).
 */
export async function describeUsageLimits(ctx: DomainContext, req: DescribeUsageLimitsRequest): Promise<Page<UsageLimit>> {
  const size = pageSize(req.MaxRecords);
  const after = decodeMarker(req.Marker);
  let clusterId: string | undefined;
  if (req.ClusterIdentifier !== undefined && req.ClusterIdentifier !== "") {
    clusterId = clusterKey(req.ClusterIdentifier);
    if (!(await ctx.tx.clusters.get(ctx.scope, clusterId))) throw new ClusterNotFound(`Cluster ${req.ClusterIdentifier} not found.`);
  }
  const filter = {
    account: ctx.scope.account,
    region: ctx.scope.region,
    id: req.UsageLimitId === "" ? undefined : req.UsageLimitId,
    clusterId,
    featureType: req.FeatureType,
  };
  const rows = await filteredFetch(
    (page) => ctx.tx.usageLimits.find(filter, page),
    (l) => matchesTags(l.tags, req),
  )({ after, limit: size + 1 });
  const items = rows.slice(0, size);
  return rows.length > size ? { items, marker: encodeMarker(cursorOf(items[items.length - 1]!)) } : { items };
}

async function getForUpdate(ctx: DomainContext, id: string): Promise<UsageLimit> {
  const limit = await ctx.tx.usageLimits.getForUpdate(ctx.scope, id);
  if (!limit) throw new UsageLimitNotFound(`Usage limit ${id} not found.`);
  return limit;
}

export interface ModifyUsageLimitRequest {
  UsageLimitId: string;
  Amount?: number | undefined;
  BreachAction?: UsageLimitBreachAction | undefined;
}

export async function modifyUsageLimit(ctx: DomainContext, req: ModifyUsageLimitRequest): Promise<UsageLimit> {
  const limit = await getForUpdate(ctx, req.UsageLimitId);
  if (req.Amount !== undefined) checkAmount(req.Amount);
  if (req.Amount !== undefined) limit.amount = req.Amount;
  if (req.BreachAction !== undefined) limit.breachAction = req.BreachAction;
  await ctx.tx.usageLimits.update(limit);
  return limit;
}

export async function deleteUsageLimit(ctx: DomainContext, id: string): Promise<void> {
  const limit = await getForUpdate(ctx, id);
  await ctx.tx.usageLimits.remove(limit, limit.id);
}
