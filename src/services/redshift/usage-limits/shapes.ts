/**
 * The model's `UsageLimit` structure, its enums and its mapper. List items per the SDK schema:
 * `<UsageLimits><member>`, `<Tags><Tag>`; test/protocol/usage-auth-roundtrip.test.ts proves them.
 */
import type { UsageLimit } from "../../../domain/entities.js";
import { integer, list, string, structure, type ValueOf } from "../../../protocol/shapes.js";
import { TagList } from "../clusters/shapes.js";

export const FeatureType = string({ enum: ["spectrum", "concurrency-scaling", "cross-region-datasharing", "extra-compute-for-automatic-optimization"] });
export const LimitType = string({ enum: ["time", "data-scanned"] });
export const Period = string({ enum: ["daily", "weekly", "monthly"] });
export const BreachAction = string({ enum: ["log", "emit-metric", "disable"] });
/** The model's `Long`; our decoder reads 32-bit integers (docs/differences-from-aws.md, Usage limits). */
export const Amount = integer();

export const UsageLimitShape = structure({
  UsageLimitId: string(),
  ClusterIdentifier: string(),
  FeatureType,
  LimitType,
  Amount,
  Period,
  BreachAction,
  Tags: TagList,
});

export const UsageLimitList = list(UsageLimitShape);

export function usageLimitToWire(l: UsageLimit): ValueOf<typeof UsageLimitShape> {
  return {
    UsageLimitId: l.id,
    ClusterIdentifier: l.clusterId,
    FeatureType: l.featureType,
    LimitType: l.limitType,
    Amount: l.amount,
    Period: l.period,
    BreachAction: l.breachAction,
    Tags: [...l.tags],
  };
}
