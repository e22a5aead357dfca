/**
 * The endpoint-access operations of the Redshift service table (one file per action beside this one):
 * grants (Authorize/Revoke/DescribeEndpointAuthorization) and Redshift-managed VPC endpoints
 * (Create/Describe/Modify/DeleteEndpointAccess). Rules live in domain/authorizations and
 * domain/endpoints; these files only map wire input → domain call → wire output.
 *
 * Known gaps: no IAM, so `UnauthorizedOperation` is never raised; `Ipv6Address` is never reported
 * (subnets are IPv4-only); the grantor never sees a grantee's endpoints except as EndpointCount.
 * Ours where AWS is silent: a grant lists at most `vpcs-per-grant` (100) VPCs (domain/quotas.ts).
 */
import type { AnyOperation } from "../../operation.js";
import { AuthorizeEndpointAccess } from "./authorize-endpoint-access.js";
import { CreateEndpointAccess } from "./create-endpoint-access.js";
import { DeleteEndpointAccess } from "./delete-endpoint-access.js";
import { DescribeEndpointAccess } from "./describe-endpoint-access.js";
import { DescribeEndpointAuthorization } from "./describe-endpoint-authorization.js";
import { ModifyEndpointAccess } from "./modify-endpoint-access.js";
import { RevokeEndpointAccess } from "./revoke-endpoint-access.js";

export const endpointAccessOperations: Record<
  | "AuthorizeEndpointAccess"
  | "RevokeEndpointAccess"
  | "DescribeEndpointAuthorization"
  | "CreateEndpointAccess"
  | "DescribeEndpointAccess"
  | "ModifyEndpointAccess"
  | "DeleteEndpointAccess",
  AnyOperation
> = {
  AuthorizeEndpointAccess,
  RevokeEndpointAccess,
  DescribeEndpointAuthorization,
  CreateEndpointAccess,
  DescribeEndpointAccess,
  ModifyEndpointAccess,
  DeleteEndpointAccess,
};
