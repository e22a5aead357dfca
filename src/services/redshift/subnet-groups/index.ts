/** The subnet-groups operations of the Redshift service table (one file per action beside this one). */
import type { AnyOperation } from "../../operation.js";

export const subnetGroupOperations: Record<"CreateClusterSubnetGroup" | "DescribeClusterSubnetGroups" | "ModifyClusterSubnetGroup" | "DeleteClusterSubnetGroup", AnyOperation> = {};
