/** STS GetCallerIdentity: infrastructure tools call it first to learn the account. */
import { EMPTY, string, structure } from "../../protocol/shapes.js";
import { operation } from "../operation.js";

export const GetCallerIdentityOutput = structure({
  UserId: string(),
  Account: string(),
  Arn: string(),
});

export const GetCallerIdentity = operation({
  readOnly: true,
  // No store round trip: the answer is the caller's credentials.
  storeless: true,
  input: EMPTY,
  output: GetCallerIdentityOutput,
  handler: async (ctx) => {
    const userId = ctx.accessKeyId ?? ctx.scope.account;
    // Emulated identity: every caller is the account's root principal.
    return { UserId: userId, Account: ctx.scope.account, Arn: `arn:aws:iam::${ctx.scope.account}:root` };
  },
});
