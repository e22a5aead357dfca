/** GetClusterCredentialsWithIAM: a temporary password for the database user of the caller's IAM identity. */
import { getClusterCredentialsWithIam } from "../../../domain/clusters/credentials.js";
import { integer, string, structure, timestamp } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";

export const GetClusterCredentialsWithIAMInput = structure({
  DbName: string(),
  ClusterIdentifier: string(),
  DurationSeconds: integer(),
  CustomDomainName: string(),
});

/** `ClusterExtendedCredentials` inside `<GetClusterCredentialsWithIAMResult>`. */
export const GetClusterCredentialsWithIAMOutput = structure({ DbUser: string(), DbPassword: string(), Expiration: timestamp, NextRefreshTime: timestamp });

export const GetClusterCredentialsWithIAM = operation({
  readOnly: true,
  input: GetClusterCredentialsWithIAMInput,
  output: GetClusterCredentialsWithIAMOutput,
  handler: async (ctx, input) => {
    const creds = await getClusterCredentialsWithIam(ctx, input);
    return { DbUser: creds.dbUser, DbPassword: creds.dbPassword, Expiration: creds.expiration, NextRefreshTime: creds.nextRefreshTime };
  },
});
