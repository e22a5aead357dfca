/**
 * What every EC2 action does before its own work: `DryRun=true` answers 412 DryRunOperation (the
 * emulated caller always has the permission, so the dry run "would have succeeded"), and the caller's
 * default VPC is created on first use so a fresh account already sees it
 * (https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html).
 */
import { DryRunOperation } from "../../domain/errors.js";
import { ensureDefaultVpc } from "../../domain/network/defaults.js";
import type { StructureShape } from "../../protocol/shapes.js";
import { operation, type Operation } from "../operation.js";

export function ec2Operation<I extends StructureShape, O extends StructureShape | undefined>(def: Operation<I, O>): Operation<I, O> {
  return operation({
    ...(def.readOnly ? { readOnly: true as const } : {}),
    input: def.input,
    output: def.output,
    handler: async (ctx, input) => {
      if ((input as { DryRun?: boolean }).DryRun === true) {
        throw new DryRunOperation("Request would have succeeded, but DryRun flag is set.");
      }
      await ensureDefaultVpc(ctx);
      return def.handler(ctx, input);
    },
  });
}
