/** The authentication profile operations of the Redshift service table (one file per action beside this). */
import type { AnyOperation } from "../../operation.js";
import { CreateAuthenticationProfile } from "./create-authentication-profile.js";
import { DeleteAuthenticationProfile } from "./delete-authentication-profile.js";
import { DescribeAuthenticationProfiles } from "./describe-authentication-profiles.js";
import { ModifyAuthenticationProfile } from "./modify-authentication-profile.js";

export const authenticationProfileOperations: Record<
  "CreateAuthenticationProfile" | "DescribeAuthenticationProfiles" | "ModifyAuthenticationProfile" | "DeleteAuthenticationProfile",
  AnyOperation
> = { CreateAuthenticationProfile, DescribeAuthenticationProfiles, ModifyAuthenticationProfile, DeleteAuthenticationProfile };
