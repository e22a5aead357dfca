/** CreateAuthenticationProfile (https://docs.aws.amazon.com/redshift/latest/APIReference/API_CreateAuthenticationProfile.html). */
import { createAuthenticationProfile } from "../../../domain/authentication-profiles/operations.js";
import { operation } from "../../operation.js";
import { AuthenticationProfileMessage, AuthenticationProfileShape, profileToWire } from "./shapes.js";

export const CreateAuthenticationProfile = operation({
  input: AuthenticationProfileMessage,
  output: AuthenticationProfileShape,
  handler: async (ctx, input) => profileToWire(await createAuthenticationProfile(ctx, input)),
});
