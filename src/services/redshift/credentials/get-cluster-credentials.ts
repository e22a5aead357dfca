/** GetClusterCredentials: a temporary database user name and password for a cluster. */
import { getClusterCredentials } from "../../../domain/clusters/credentials.js";
import { boolean, integer, list, required, string, structure, timestamp } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";

export const GetClusterCredentialsInput = structure({
  DbUser: required(string()),
  DbName: string(),
  ClusterIdentifier: string(),
  DurationSeconds: integer(),
  AutoCreate: boolean,
  DbGroups: list(string(), "DbGroup"),
  CustomDomainName: string(),
});

/** `ClusterCredentials` inside `<GetClusterCredentialsResult>`. */
export const GetClusterCredentialsOutput = structure({ DbUser: string(), DbPassword: string(), Expiration: timestamp });

export const GetClusterCredentials = operation({
  readOnly: true,
  input: GetClusterCredentialsInput,
  output: GetClusterCredentialsOutput,
  handler: async (ctx, input) => {
    const creds = await getClusterCredentials(ctx, input);
    return { DbUser: creds.dbUser, DbPassword: creds.dbPassword, Expiration: creds.expiration };
  },
});
