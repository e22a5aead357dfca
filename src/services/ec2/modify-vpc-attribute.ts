/**
 * ModifyVpcAttribute: one of the DNS / usage-metrics attributes per call; `<return>true</return>`.
 * The EC2 model gives this action no DryRun member.
 */
import { modifyVpcAttribute } from "../../domain/network/vpc-attributes.js";
import { boolean, named, required, string, structure } from "../../protocol/shapes.js";
import { ec2Operation } from "./ec2-operation.js";

/** `AttributeBooleanValue` in a request: `EnableDnsHostnames.Value=true`. */
const AttributeBooleanValue = structure({ Value: named("value", boolean, { queryName: "Value" }) });

export const ModifyVpcAttribute = ec2Operation({
  input: structure({
    EnableDnsHostnames: AttributeBooleanValue,
    EnableDnsSupport: AttributeBooleanValue,
    EnableNetworkAddressUsageMetrics: AttributeBooleanValue,
    VpcId: required(string()),
  }),
  output: undefined,
  handler: async (ctx, input) => {
    await modifyVpcAttribute(ctx, input.VpcId, {
      enableDnsHostnames: input.EnableDnsHostnames?.Value,
      enableDnsSupport: input.EnableDnsSupport?.Value,
      enableNetworkAddressUsageMetrics: input.EnableNetworkAddressUsageMetrics?.Value,
    });
  },
});
