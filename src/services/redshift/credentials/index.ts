/**
 * Temporary database credentials (docs/differences-from-aws.md, Cluster credentials): nothing is
 * stored and passwords are never logged.
 */
import type { AnyOperation } from "../../operation.js";
import { GetClusterCredentials } from "./get-cluster-credentials.js";
import { GetClusterCredentialsWithIAM } from "./get-cluster-credentials-with-iam.js";

export const credentialOperations: Record<"GetClusterCredentials" | "GetClusterCredentialsWithIAM", AnyOperation> = {
  GetClusterCredentials,
  GetClusterCredentialsWithIAM,
};
