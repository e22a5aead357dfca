/** ModifyAuthenticationProfile: replaces a profile's content (https://docs.aws.amazon.com/redshift/latest/APIReference/API_ModifyAuthenticationProfile.html). */
import { modifyAuthenticationProfile } from "../../../domain/authentication-profiles/operations.js";
import { operation } from "../../operation.js";
import { AuthenticationProfileMessage, AuthenticationProfileShape, profileToWire } from "./shapes.js";

export const ModifyAuthenticationProfile = operation({
  input: AuthenticationProfileMessage,
  output: AuthenticationProfileShape,
  handler: async (ctx, input) => profileToWire(await modifyAuthenticationProfile(ctx, input)),
});
