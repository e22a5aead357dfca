/**
 * The catalog operations: cluster versions, orderable cluster options and maintenance tracks, read
 * from data in src/domain/catalog/ (docs/differences-from-aws.md, Catalogs).
 */
import type { AnyOperation } from "../../operation.js";
import { DescribeClusterTracks } from "./describe-cluster-tracks.js";
import { DescribeClusterVersions } from "./describe-cluster-versions.js";
import { DescribeOrderableClusterOptions } from "./describe-orderable-cluster-options.js";

export const catalogOperations: Record<"DescribeClusterVersions" | "DescribeOrderableClusterOptions" | "DescribeClusterTracks", AnyOperation> = {
  DescribeClusterVersions,
  DescribeOrderableClusterOptions,
  DescribeClusterTracks,
};
