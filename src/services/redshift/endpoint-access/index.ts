/** The endpoint-access operations of the Redshift service table (one file per action beside this one). */
import type { AnyOperation } from "../../operation.js";

export const endpointAccessOperations: Record<"AuthorizeEndpointAccess" | "RevokeEndpointAccess" | "DescribeEndpointAuthorization" | "CreateEndpointAccess" | "DescribeEndpointAccess" | "ModifyEndpointAccess" | "DeleteEndpointAccess", AnyOperation> = {};
