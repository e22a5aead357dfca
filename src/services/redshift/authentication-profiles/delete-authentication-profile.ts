/** DeleteAuthenticationProfile: answers the deleted profile's name. */
import { deleteAuthenticationProfile } from "../../../domain/authentication-profiles/operations.js";
import { required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";

export const DeleteAuthenticationProfile = operation({
  input: structure({ AuthenticationProfileName: required(string()) }),
  output: structure({ AuthenticationProfileName: string() }),
  handler: async (ctx, input) => ({ AuthenticationProfileName: await deleteAuthenticationProfile(ctx, input.AuthenticationProfileName) }),
});
