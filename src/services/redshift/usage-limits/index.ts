/** The usage limit operations of the Redshift service table (one file per action beside this). */
import type { AnyOperation } from "../../operation.js";
import { CreateUsageLimit } from "./create-usage-limit.js";
import { DeleteUsageLimit } from "./delete-usage-limit.js";
import { DescribeUsageLimits } from "./describe-usage-limits.js";
import { ModifyUsageLimit } from "./modify-usage-limit.js";

export const usageLimitOperations: Record<"CreateUsageLimit" | "DescribeUsageLimits" | "ModifyUsageLimit" | "DeleteUsageLimit", AnyOperation> = {
  CreateUsageLimit,
  DescribeUsageLimits,
  ModifyUsageLimit,
  DeleteUsageLimit,
};
