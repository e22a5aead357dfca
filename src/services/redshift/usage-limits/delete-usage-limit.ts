/** DeleteUsageLimit (no output members). */
import { deleteUsageLimit } from "../../../domain/usage-limits/operations.js";
import { required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";

export const DeleteUsageLimit = operation({
  input: structure({ UsageLimitId: required(string()) }),
  output: undefined,
  handler: async (ctx, input) => {
    await deleteUsageLimit(ctx, input.UsageLimitId);
  },
});
