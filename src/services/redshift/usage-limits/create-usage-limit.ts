/** CreateUsageLimit (https://docs.aws.amazon.com/redshift/latest/APIReference/API_CreateUsageLimit.html). */
import type { UsageLimitBreachAction, UsageLimitFeatureType, UsageLimitLimitType, UsageLimitPeriod } from "../../../domain/entities.js";
import { createUsageLimit } from "../../../domain/usage-limits/operations.js";
import { required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { TagList } from "../clusters/shapes.js";
import { Amount, BreachAction, FeatureType, LimitType, Period, UsageLimitShape, usageLimitToWire } from "./shapes.js";

export const CreateUsageLimit = operation({
  input: structure({
    ClusterIdentifier: required(string()),
    FeatureType: required(FeatureType),
    LimitType: required(LimitType),
    Amount: required(Amount),
    Period,
    BreachAction,
    Tags: TagList,
  }),
  output: UsageLimitShape,
  handler: async (ctx, input) =>
    usageLimitToWire(
      await createUsageLimit(ctx, {
        ...input,
        FeatureType: input.FeatureType as UsageLimitFeatureType,
        LimitType: input.LimitType as UsageLimitLimitType,
        Period: input.Period as UsageLimitPeriod | undefined,
        BreachAction: input.BreachAction as UsageLimitBreachAction | undefined,
      }),
    ),
});
