/**
 * Every operation name of the sts API (the names only: 11, listed from the commands of
 * @aws-sdk/client-sts 3.1169.0). An operation here without a handler answers 501 NotImplemented;
 * an Action not here is 400 InvalidAction.
 */
export const API_OPERATIONS: readonly string[] = [
  "AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity", "AssumeRoot", "DecodeAuthorizationMessage",
  "GetAccessKeyInfo", "GetCallerIdentity", "GetDelegatedAccessToken", "GetFederationToken", "GetSessionToken",
  "GetWebIdentityToken",
];
