/** CreateVpc: an IPv4 block /16–/28, optional tenancy and tags; the new VPC gets its `default` security group. */
import { tagsFromSpecifications } from "../../domain/network/tags.js";
import { createVpc } from "../../domain/network/vpcs.js";
import { boolean, named, string, structure } from "../../protocol/shapes.js";
import { ec2Operation } from "./ec2-operation.js";
import { DryRun, TagSpecifications, Vpc, netmaskLength } from "./shapes.js";
import { vpcView } from "./views.js";

const exclusion = string({ enum: ["enable", "disable"] });

/** The model's VpcEncryptionControlConfiguration (enums only). */
const VpcEncryptionControl = structure({
  Mode: string({ enum: ["monitor", "enforce"] }),
  InternetGatewayExclusion: exclusion,
  EgressOnlyInternetGatewayExclusion: exclusion,
  NatGatewayExclusion: exclusion,
  VirtualPrivateGatewayExclusion: exclusion,
  VpcPeeringExclusion: exclusion,
  LambdaExclusion: exclusion,
  VpcLatticeExclusion: exclusion,
  ElasticFileSystemExclusion: exclusion,
});

export const CreateVpc = ec2Operation({
  input: structure({
    CidrBlock: string(),
    InstanceTenancy: named("instanceTenancy", string({ enum: ["default", "dedicated", "host"] }), { queryName: "InstanceTenancy" }),
    TagSpecifications,
    DryRun,
    // Not emulated (IPAM pools, IPv6 blocks, encryption controls): checked as the model types them,
    // so a malformed value is InvalidParameterValue rather than silently accepted, then ignored.
    Ipv4NetmaskLength: netmaskLength(32),
    Ipv6NetmaskLength: netmaskLength(128),
    AmazonProvidedIpv6CidrBlock: named("amazonProvidedIpv6CidrBlock", boolean),
    VpcEncryptionControl,
  }),
  output: structure({ Vpc: named("vpc", Vpc) }),
  handler: async (ctx, input) => {
    const vpc = await createVpc(ctx, {
      cidrBlock: input.CidrBlock,
      instanceTenancy: input.InstanceTenancy,
      tags: tagsFromSpecifications("vpc", input.TagSpecifications),
    });
    return { Vpc: vpcView(vpc) };
  },
});
