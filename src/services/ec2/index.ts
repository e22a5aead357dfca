/**
 * EC2, ec2Query, version 2016-11-15 — the minimal network Redshift needs (SPEC §5.1): VPCs, subnets,
 * security groups and availability zones, with a default VPC per account and region. Every other EC2
 * operation answers 501 NotImplemented.
 */
import type { AnyOperation, ServiceDef } from "../operation.js";
import { API_OPERATIONS } from "./api-operations.js";

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

const operations: Record<Ec2Operation, AnyOperation> = {};

export const ec2: ServiceDef = {
  signingName: "ec2",
  protocol: "ec2",
  version: "2016-11-15",
  namespace: "http://ec2.amazonaws.com/doc/2016-11-15/",
  operations,
  notImplemented: new Set(API_OPERATIONS.filter((name) => !(name in operations))),
};
