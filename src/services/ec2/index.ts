/**
 * EC2, ec2Query, version 2016-11-15 — the minimal network Redshift needs (SPEC §5.1): VPCs, subnets,
 * security groups and availability zones, with a default VPC per account and region. Every other EC2
 * operation answers 501 NotImplemented.
 */
import type { AnyOperation, ServiceDef } from "../operation.js";
import { API_OPERATIONS } from "./api-operations.js";
import { CreateSecurityGroup } from "./create-security-group.js";
import { CreateSubnet } from "./create-subnet.js";
import { CreateVpc } from "./create-vpc.js";
import { DeleteSecurityGroup } from "./delete-security-group.js";
import { DeleteSubnet } from "./delete-subnet.js";
import { DeleteVpc } from "./delete-vpc.js";
import { DescribeAvailabilityZones } from "./describe-availability-zones.js";
import { DescribeSecurityGroups } from "./describe-security-groups.js";
import { DescribeSubnets } from "./describe-subnets.js";
import { DescribeVpcs } from "./describe-vpcs.js";

export type Ec2Operation =
  | "CreateVpc"
  | "DescribeVpcs"
  | "DeleteVpc"
  | "CreateSubnet"
  | "DescribeSubnets"
  | "DeleteSubnet"
  | "CreateSecurityGroup"
  | "DescribeSecurityGroups"
  | "DeleteSecurityGroup"
  | "DescribeAvailabilityZones";

const operations: Record<Ec2Operation, AnyOperation> = {
  CreateVpc,
  DescribeVpcs,
  DeleteVpc,
  CreateSubnet,
  DescribeSubnets,
  DeleteSubnet,
  CreateSecurityGroup,
  DescribeSecurityGroups,
  DeleteSecurityGroup,
  DescribeAvailabilityZones,
};

export const ec2: ServiceDef = {
  signingName: "ec2",
  protocol: "ec2",
  version: "2016-11-15",
  namespace: "http://ec2.amazonaws.com/doc/2016-11-15/",
  operations,
  notImplemented: new Set(API_OPERATIONS.filter((name) => !(name in operations))),
};
