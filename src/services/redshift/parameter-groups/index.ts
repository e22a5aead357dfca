/**
 * The cluster parameter group operations of the Redshift service table (one file per action beside this).
 *
 * AWS documents: names stored lowercase, 1–255 letters, digits or hyphens starting with a letter;
 * 20 parameter groups per account; at most 20 parameters per Modify/Reset; the default group
 * `default.redshift-1.0` cannot be modified or deleted; static parameters apply at the next reboot.
 * We decided (docs/differences-from-aws.md, Cluster parameter groups): the default group exists in
 * every account and region without being stored and does not count against the quota.
 */
import type { AnyOperation } from "../../operation.js";
import { CreateClusterParameterGroup } from "./create-cluster-parameter-group.js";
import { DeleteClusterParameterGroup } from "./delete-cluster-parameter-group.js";
import { DescribeClusterParameterGroups } from "./describe-cluster-parameter-groups.js";
import { DescribeClusterParameters } from "./describe-cluster-parameters.js";
import { DescribeDefaultClusterParameters } from "./describe-default-cluster-parameters.js";
import { ModifyClusterParameterGroup } from "./modify-cluster-parameter-group.js";
import { ResetClusterParameterGroup } from "./reset-cluster-parameter-group.js";

export const parameterGroupOperations: Record<
  | "CreateClusterParameterGroup"
  | "DescribeClusterParameterGroups"
  | "ModifyClusterParameterGroup"
  | "ResetClusterParameterGroup"
  | "DeleteClusterParameterGroup"
  | "DescribeClusterParameters"
  | "DescribeDefaultClusterParameters",
  AnyOperation
> = {
  CreateClusterParameterGroup,
  DescribeClusterParameterGroups,
  ModifyClusterParameterGroup,
  ResetClusterParameterGroup,
  DeleteClusterParameterGroup,
  DescribeClusterParameters,
  DescribeDefaultClusterParameters,
};
