/**
 * Audit logging status (DescribeLoggingStatus). AWS documents: a cluster logs to S3 or CloudWatch only
 * after EnableLogging; until then `LoggingEnabled` is false and no destination is reported.
 * We decided: audit logging is not emulated (EnableLogging / DisableLogging answer 501 NotImplemented,
 * docs/differences-from-aws.md, Out of scope), so no cluster ever has a destination and every existing
 * cluster — in any status — reports
 * logging disabled. An identifier that names no cluster of the caller is `ClusterNotFound`.
 */
import type { DomainContext } from "../context.js";
import { getCluster } from "./describe.js";

export interface LoggingStatus {
  readonly enabled: boolean;
}

export async function describeLoggingStatus(ctx: DomainContext, identifier: string): Promise<LoggingStatus> {
  await getCluster(ctx, identifier);
  return { enabled: false };
}
