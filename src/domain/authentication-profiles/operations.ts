/**
 * CreateAuthenticationProfile, DescribeAuthenticationProfiles, ModifyAuthenticationProfile and
 * DeleteAuthenticationProfile (docs/differences-from-aws.md, Authentication profiles).
 *
 * AWS documents: names of at most 63 letters, digits or hyphens; the content is a JSON string whose
 * maximum length, like the number of profiles, "is determined by a quota for your account"
 * (https://docs.aws.amazon.com/redshift/latest/APIReference/API_CreateAuthenticationProfile.html);
 * 10 profiles per account
 * (https://docs.aws.amazon.com/redshift/latest/mgmt/connecting-with-authentication-profiles-creating.html)
 * and 4,096 bytes per profile (https://docs.aws.amazon.com/redshift/latest/mgmt/amazon-redshift-limits.html).
 * We decided: the content must be a JSON object (the driver reads it as a map of connection
 * options); anything else, or text that does not parse, is `InvalidAuthenticationProfileRequestFault`;
 * content over the size quota is `AuthenticationProfileQuotaExceededFault`. Names are case-sensitive.
 */
import type { DomainContext } from "../context.js";
import type { AuthenticationProfile } from "../entities.js";
import {
  AuthenticationProfileAlreadyExistsFault,
  AuthenticationProfileNotFoundFault,
  AuthenticationProfileQuotaExceededFault,
  InvalidAuthenticationProfileRequestFault,
} from "../errors.js";
import { DuplicateKeyError } from "../../store/store.js";

export interface AuthenticationProfileView {
  readonly name: string;
  readonly content: string;
}

const view = (p: AuthenticationProfile): AuthenticationProfileView => ({ name: p.id, content: p.content });

function checkName(name: string): void {
  if (!/^[a-zA-Z0-9-]{1,63}$/.test(name)) {
    throw new InvalidAuthenticationProfileRequestFault(
      `The authentication profile name ${name} is not valid: it must be 1 to 63 letters, digits or hyphens.`,
    );
  }
}

function checkContent(ctx: DomainContext, content: string): void {
  const limit = ctx.quotas["authentication-profile-size"];
  if (Buffer.byteLength(content, "utf8") > limit) {
    throw new AuthenticationProfileQuotaExceededFault(`The authentication profile content exceeds the maximum size of ${limit} bytes.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    throw new InvalidAuthenticationProfileRequestFault("The authentication profile content is not valid JSON.");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new InvalidAuthenticationProfileRequestFault("The authentication profile content must be a JSON object.");
  }
}

const notFound = (name: string) => new AuthenticationProfileNotFoundFault(`Authentication profile ${name} not found.`);

export interface AuthenticationProfileRequest {
  AuthenticationProfileName: string;
  AuthenticationProfileContent: string;
}

export async function createAuthenticationProfile(ctx: DomainContext, req: AuthenticationProfileRequest): Promise<AuthenticationProfileView> {
  const name = req.AuthenticationProfileName;
  checkName(name);
  checkContent(ctx, req.AuthenticationProfileContent);
  const exists = () => new AuthenticationProfileAlreadyExistsFault(`Authentication profile ${name} already exists.`);
  if (await ctx.tx.authenticationProfiles.get(ctx.scope, name)) throw exists();
  const partition = { account: ctx.scope.account, region: ctx.scope.region };
  const limit = ctx.quotas["authentication-profiles-per-account"];
  if ((await ctx.tx.authenticationProfiles.count(partition)) >= limit) {
    throw new AuthenticationProfileQuotaExceededFault(`The request would exceed the allowed number of authentication profiles for this account (${limit}).`);
  }
  const profile: AuthenticationProfile = { ...partition, id: name, createdAt: ctx.now, content: req.AuthenticationProfileContent };
  try {
    await ctx.tx.authenticationProfiles.insert(profile);
  } catch (err) {
    if (err instanceof DuplicateKeyError) throw exists();
    throw err;
  }
  return view(profile);
}

/** One profile by name (not found: `AuthenticationProfileNotFoundFault`), or every profile in creation order. */
export async function describeAuthenticationProfiles(ctx: DomainContext, name: string | undefined): Promise<AuthenticationProfileView[]> {
  if (name !== undefined && name !== "") {
    checkName(name);
    const profile = await ctx.tx.authenticationProfiles.get(ctx.scope, name);
    if (!profile) throw notFound(name);
    return [view(profile)];
  }
  const limit = ctx.quotas["authentication-profiles-per-account"];
  // Never more than the quota: one read, no pagination (the operation models none).
  const rows = await ctx.tx.authenticationProfiles.find({ account: ctx.scope.account, region: ctx.scope.region }, { limit: Math.max(limit, 1000) });
  return rows.map(view);
}

export async function modifyAuthenticationProfile(ctx: DomainContext, req: AuthenticationProfileRequest): Promise<AuthenticationProfileView> {
  const name = req.AuthenticationProfileName;
  checkName(name);
  const profile = await ctx.tx.authenticationProfiles.getForUpdate(ctx.scope, name);
  if (!profile) throw notFound(name);
  checkContent(ctx, req.AuthenticationProfileContent);
  profile.content = req.AuthenticationProfileContent;
  await ctx.tx.authenticationProfiles.update(profile);
  return view(profile);
}

export async function deleteAuthenticationProfile(ctx: DomainContext, name: string): Promise<string> {
  checkName(name);
  const profile = await ctx.tx.authenticationProfiles.getForUpdate(ctx.scope, name);
  if (!profile) throw notFound(name);
  await ctx.tx.authenticationProfiles.remove(profile, profile.id);
  return name;
}
