/** ModifyUsageLimit: changes Amount and BreachAction (https://docs.aws.amazon.com/redshift/latest/APIReference/API_ModifyUsageLimit.html). */
import type { UsageLimitBreachAction } from "../../../domain/entities.js";
import { modifyUsageLimit } from "../../../domain/usage-limits/operations.js";
import { required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { Amount, BreachAction, UsageLimitShape, usageLimitToWire } from "./shapes.js";

export const ModifyUsageLimit = operation({
  input: structure({ UsageLimitId: required(string()), Amount, BreachAction }),
  output: UsageLimitShape,
  handler: async (ctx, input) =>
    usageLimitToWire(await modifyUsageLimit(ctx, { ...input, BreachAction: input.BreachAction as UsageLimitBreachAction | undefined })),
});
