/**
 * Temporary database credentials (GetClusterCredentials, GetClusterCredentialsWithIAM;
 * https://docs.aws.amazon.com/redshift/latest/APIReference/API_GetClusterCredentials.html). Nothing
 * is stored: each call answers a fresh random password valid until `now + DurationSeconds`. The
 * password never leaves the response (never logged).
 *
 * AWS documents: `DurationSeconds` 900–3600, default 900; `DbUser`, `DbName` 1–64 characters, a
 * letter first, then letters, digits, `_ + . @ -`, no reserved word, `DbUser` not `PUBLIC`;
 * `DbGroups` the same in lowercase; the answered user is `IAM:<DbUser>`, or `IAMA:<DbUser>` when
 * `AutoCreate` is true. We decided (docs/differences-from-aws.md, Cluster credentials): parameters
 * are checked before the cluster is looked up; a cluster that cannot accept connections (not
 * `available` or `modifying`) is `UnsupportedOperation`, the operation's modelled fault.
 */
import { randomBytes } from "node:crypto";
import type { DomainContext } from "../context.js";
import { ClusterNotFound, InvalidParameterValue, MissingParameter, UnsupportedOperation } from "../errors.js";
import type { Cluster } from "../entities.js";
import { getCluster } from "./describe.js";
import { isReservedWord } from "./reserved-words.js";

export const MIN_DURATION_SECONDS = 900;
export const MAX_DURATION_SECONDS = 3600;
export const DEFAULT_DURATION_SECONDS = 900;

/** The states in which a cluster accepts database connections. */
const CONNECTABLE: ReadonlySet<Cluster["status"]> = new Set(["available", "modifying"]);

export interface Credentials {
  readonly dbUser: string;
  readonly dbPassword: string;
  /** Epoch ms. */
  readonly expiration: number;
}

export interface GetCredentialsRequest {
  DbUser: string;
  DbName?: string | undefined;
  ClusterIdentifier?: string | undefined;
  DurationSeconds?: number | undefined;
  AutoCreate?: boolean | undefined;
  DbGroups?: string[] | undefined;
  CustomDomainName?: string | undefined;
}

export function checkDurationSeconds(seconds: number | undefined): number {
  if (seconds === undefined) return DEFAULT_DURATION_SECONDS;
  if (!Number.isInteger(seconds) || seconds < MIN_DURATION_SECONDS || seconds > MAX_DURATION_SECONDS) {
    throw new InvalidParameterValue(`DurationSeconds must be between ${MIN_DURATION_SECONDS} and ${MAX_DURATION_SECONDS}. Provided value: ${seconds}.`);
  }
  return seconds;
}

function checkDbIdentifier(parameter: string, value: string, lowercaseOnly: boolean): void {
  const pattern = lowercaseOnly ? /^[a-z][a-z0-9_+.@-]*$/ : /^[A-Za-z][A-Za-z0-9_+.@-]*$/;
  if (value.length < 1 || value.length > 64 || !pattern.test(value)) {
    throw new InvalidParameterValue(
      `Invalid value '${value}' for parameter ${parameter}: it must contain 1 to 64 characters, start with a letter, and contain only ` +
        `${lowercaseOnly ? "lowercase letters" : "letters"}, digits, underscores, plus signs, periods, at signs or hyphens.`,
    );
  }
  if (isReservedWord(value)) throw new InvalidParameterValue(`${parameter} '${value}' is a reserved word and cannot be used.`);
}

export function checkDbUser(user: string): void {
  checkDbIdentifier("DbUser", user, false);
  if (user.toLowerCase() === "public") throw new InvalidParameterValue("DbUser 'PUBLIC' is reserved and cannot be used.");
}

export function checkDbName(name: string | undefined): void {
  if (name !== undefined) checkDbIdentifier("DbName", name, false);
}

export function checkDbGroups(groups: readonly string[] | undefined): void {
  for (const group of groups ?? []) checkDbIdentifier("DbGroups", group, true);
}

/** A password of 64 base64 characters (48 random bytes), like AWS's opaque temporary passwords. */
export function temporaryPassword(): string {
  return randomBytes(48).toString("base64");
}

/**
 * The cluster the credentials are for. No custom domain can be associated here, so a
 * `CustomDomainName` without `ClusterIdentifier` names no cluster (`ClusterNotFound`); with neither,
 * `MissingParameter`.
 */
async function targetCluster(ctx: DomainContext, req: { ClusterIdentifier?: string | undefined; CustomDomainName?: string | undefined }): Promise<Cluster> {
  if (req.ClusterIdentifier === undefined || req.ClusterIdentifier === "") {
    if (req.CustomDomainName !== undefined && req.CustomDomainName !== "") {
      throw new ClusterNotFound(`No cluster is associated with the custom domain ${req.CustomDomainName}.`);
    }
    throw new MissingParameter("The request must contain the parameter ClusterIdentifier or CustomDomainName.");
  }
  const cluster = await getCluster(ctx, req.ClusterIdentifier);
  if (!CONNECTABLE.has(cluster.status)) {
    throw new UnsupportedOperation(`Cluster ${cluster.id} is in the ${cluster.status} state; credentials are issued only for an available cluster.`);
  }
  return cluster;
}

export async function getClusterCredentials(ctx: DomainContext, req: GetCredentialsRequest): Promise<Credentials> {
  const duration = checkDurationSeconds(req.DurationSeconds);
  checkDbUser(req.DbUser);
  checkDbName(req.DbName);
  checkDbGroups(req.DbGroups);
  await targetCluster(ctx, req);
  return {
    dbUser: `${req.AutoCreate === true ? "IAMA" : "IAM"}:${req.DbUser}`,
    dbPassword: temporaryPassword(),
    expiration: ctx.now + duration * 1000,
  };
}

export interface GetCredentialsWithIamRequest {
  DbName?: string | undefined;
  ClusterIdentifier?: string | undefined;
  DurationSeconds?: number | undefined;
  CustomDomainName?: string | undefined;
}

export interface ExtendedCredentials extends Credentials {
  /** Epoch ms: when a caller should ask again. */
  readonly nextRefreshTime: number;
}

/**
 * The database user is the caller's IAM identity. Every caller here is its account's root
 * principal (as GetCallerIdentity answers), so the user is `IAM:root`. The password is valid for
 * `DurationSeconds`; AWS answers a `NextRefreshTime` before the expiration, here half-way.
 */
export async function getClusterCredentialsWithIam(ctx: DomainContext, req: GetCredentialsWithIamRequest): Promise<ExtendedCredentials> {
  const duration = checkDurationSeconds(req.DurationSeconds);
  checkDbName(req.DbName);
  await targetCluster(ctx, req);
  return {
    dbUser: "IAM:root",
    dbPassword: temporaryPassword(),
    expiration: ctx.now + duration * 1000,
    nextRefreshTime: ctx.now + (duration * 1000) / 2,
  };
}
