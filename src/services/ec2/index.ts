/**
 * EC2, ec2Query, version 2016-11-15 — the minimal network Redshift needs (docs/differences-from-aws.md,
 * EC2): VPCs (their DNS attributes, main route table and default network ACL), subnets, security
 * groups with their rules, availability zones and the network interfaces of Redshift-managed
 * endpoints, with a default VPC per account and region, and the tags of VPCs, subnets, security
 * groups and rules (CreateTags/DeleteTags/DescribeTags). Every
 * other EC2 operation answers 501 NotImplemented.
 *
 * AWS documents (EC2 API Reference, VPC User Guide): VPC and subnet blocks /16–/28, subnets inside
 * their VPC and not overlapping, 5 reserved addresses per subnet, `default` security groups that
 * cannot be deleted, security group rules (one peer each, `sgr-` ids, 60 per direction), Describe*
 * filters with wildcards (at most 200 values per call, else FilterLimitExceeded), MaxResults 5–1000
 * with NextToken, DryRun → 412.
 * We decided: the default VPC is created on an account's first EC2 call and cannot be deleted (it
 * would come back); zone ids map a→az1, b→az2, c→az3 in every account; subnets and groups in use by
 * cluster subnet groups, clusters or endpoints (or referenced by another group's rule) are
 * DependencyViolation; unknown filter names are InvalidParameterValue. Known gaps: no IPv6 blocks,
 * IPAM, secondary CIDR blocks, route tables and network ACLs beyond each VPC's main table and
 * default ACL, internet gateways, prefix lists, VPC peering, Modify*Attribute other than
 * ModifyVpcAttribute, DescribeSecurityGroupRules, or VPC/subnet quotas.
 */
import type { AnyOperation, ServiceDef } from "../operation.js";
import { API_OPERATIONS } from "./api-operations.js";
import { AuthorizeSecurityGroupEgress } from "./authorize-security-group-egress.js";
import { AuthorizeSecurityGroupIngress } from "./authorize-security-group-ingress.js";
import { CreateSecurityGroup } from "./create-security-group.js";
import { CreateSubnet } from "./create-subnet.js";
import { CreateTags } from "./create-tags.js";
import { CreateVpc } from "./create-vpc.js";
import { DeleteSecurityGroup } from "./delete-security-group.js";
import { DeleteSubnet } from "./delete-subnet.js";
import { DeleteTags } from "./delete-tags.js";
import { DeleteVpc } from "./delete-vpc.js";
import { DescribeAvailabilityZones } from "./describe-availability-zones.js";
import { DescribeNetworkAcls } from "./describe-network-acls.js";
import { DescribeNetworkInterfaces } from "./describe-network-interfaces.js";
import { DescribeRouteTables } from "./describe-route-tables.js";
import { DescribeSecurityGroups } from "./describe-security-groups.js";
import { DescribeSubnets } from "./describe-subnets.js";
import { DescribeTags } from "./describe-tags.js";
import { DescribeVpcAttribute } from "./describe-vpc-attribute.js";
import { DescribeVpcs } from "./describe-vpcs.js";
import { ModifyVpcAttribute } from "./modify-vpc-attribute.js";
import { RevokeSecurityGroupEgress } from "./revoke-security-group-egress.js";
import { RevokeSecurityGroupIngress } from "./revoke-security-group-ingress.js";

export type Ec2Operation =
  | "CreateVpc"
  | "DescribeVpcs"
  | "DescribeVpcAttribute"
  | "ModifyVpcAttribute"
  | "DescribeRouteTables"
  | "DescribeNetworkAcls"
  | "DeleteVpc"
  | "CreateSubnet"
  | "DescribeSubnets"
  | "DeleteSubnet"
  | "CreateSecurityGroup"
  | "DescribeSecurityGroups"
  | "DeleteSecurityGroup"
  | "AuthorizeSecurityGroupIngress"
  | "AuthorizeSecurityGroupEgress"
  | "RevokeSecurityGroupIngress"
  | "RevokeSecurityGroupEgress"
  | "DescribeAvailabilityZones"
  | "DescribeNetworkInterfaces"
  | "CreateTags"
  | "DeleteTags"
  | "DescribeTags";

const operations: Record<Ec2Operation, AnyOperation> = {
  CreateVpc,
  DescribeVpcs,
  DescribeVpcAttribute,
  ModifyVpcAttribute,
  DescribeRouteTables,
  DescribeNetworkAcls,
  DeleteVpc,
  CreateSubnet,
  DescribeSubnets,
  DeleteSubnet,
  CreateSecurityGroup,
  DescribeSecurityGroups,
  DeleteSecurityGroup,
  AuthorizeSecurityGroupIngress,
  AuthorizeSecurityGroupEgress,
  RevokeSecurityGroupIngress,
  RevokeSecurityGroupEgress,
  DescribeAvailabilityZones,
  DescribeNetworkInterfaces,
  CreateTags,
  DeleteTags,
  DescribeTags,
};

export const ec2: ServiceDef = {
  signingName: "ec2",
  protocol: "ec2",
  version: "2016-11-15",
  namespace: "http://ec2.amazonaws.com/doc/2016-11-15/",
  operations,
  notImplemented: new Set(API_OPERATIONS.filter((name) => !(name in operations))),
};
