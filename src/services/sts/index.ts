/**
 * STS, awsQuery, version 2011-06-15. Implemented: GetCallerIdentity (the account comes from the
 * caller's credentials, docs/differences-from-aws.md). Everything else answers 501: redshift-local
 * issues no credentials.
 */
import type { AnyOperation, ServiceDef } from "../operation.js";
import { API_OPERATIONS } from "./api-operations.js";
import { GetCallerIdentity } from "./get-caller-identity.js";

type Implemented = "GetCallerIdentity";

const operations: Record<Implemented, AnyOperation> = { GetCallerIdentity };

export const sts: ServiceDef = {
  signingName: "sts",
  protocol: "query",
  version: "2011-06-15",
  namespace: "https://sts.amazonaws.com/doc/2011-06-15/",
  operations,
  notImplemented: new Set(API_OPERATIONS.filter((name) => !(name in operations))),
};
