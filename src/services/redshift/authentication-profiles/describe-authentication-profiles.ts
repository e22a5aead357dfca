/** DescribeAuthenticationProfiles: one profile by name, or all of the caller's (no pagination in the model). */
import { describeAuthenticationProfiles } from "../../../domain/authentication-profiles/operations.js";
import { string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { AuthenticationProfileList, profileToWire } from "./shapes.js";

export const DescribeAuthenticationProfiles = operation({
  readOnly: true,
  input: structure({ AuthenticationProfileName: string() }),
  output: structure({ AuthenticationProfiles: AuthenticationProfileList }),
  handler: async (ctx, input) => ({
    AuthenticationProfiles: (await describeAuthenticationProfiles(ctx, input.AuthenticationProfileName)).map(profileToWire),
  }),
});
