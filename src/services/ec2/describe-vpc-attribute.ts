/**
 * DescribeVpcAttribute: one attribute per call (`Attribute` is required and names exactly one); the
 * answer carries the VPC id and only that attribute, as `<enableDnsSupport><value>true</value>…`.
 */
import { VPC_ATTRIBUTE_NAMES, describeVpcAttribute, type VpcAttributeName } from "../../domain/network/vpc-attributes.js";
import { boolean, named, required, string, structure } from "../../protocol/shapes.js";
import { ec2Operation } from "./ec2-operation.js";
import { DryRun } from "./shapes.js";

/** `AttributeBooleanValue`: `<value>` in responses, `.Value` in requests. */
const AttributeBooleanValue = structure({ Value: named("value", boolean, { queryName: "Value" }) });

export const DescribeVpcAttribute = ec2Operation({
  readOnly: true,
  input: structure({
    Attribute: required(string({ enum: VPC_ATTRIBUTE_NAMES })),
    VpcId: required(string()),
    DryRun,
  }),
  output: structure({
    EnableDnsHostnames: named("enableDnsHostnames", AttributeBooleanValue),
    EnableDnsSupport: named("enableDnsSupport", AttributeBooleanValue),
    EnableNetworkAddressUsageMetrics: named("enableNetworkAddressUsageMetrics", AttributeBooleanValue),
    VpcId: named("vpcId", string()),
  }),
  handler: async (ctx, input) => {
    const name = input.Attribute as VpcAttributeName; // the enum above has checked it
    const { vpc, value } = await describeVpcAttribute(ctx, input.VpcId, name);
    const only = { Value: value };
    return {
      VpcId: vpc.id,
      EnableDnsSupport: name === "enableDnsSupport" ? only : undefined,
      EnableDnsHostnames: name === "enableDnsHostnames" ? only : undefined,
      EnableNetworkAddressUsageMetrics: name === "enableNetworkAddressUsageMetrics" ? only : undefined,
    };
  },
});
