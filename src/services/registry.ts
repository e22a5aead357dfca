/** The services one port serves, found by SigV4 signing name or, for unsigned requests, by `Version`. */
import { ec2 } from "./ec2/index.js";
import type { ServiceDef } from "./operation.js";
import { redshift } from "./redshift/index.js";
import { sts } from "./sts/index.js";

export const SERVICES: readonly ServiceDef[] = [redshift, ec2, sts];

const BY_SIGNING_NAME = new Map(SERVICES.map((s) => [s.signingName as string, s]));
const BY_VERSION = new Map(SERVICES.map((s) => [s.version, s]));

export function serviceBySigningName(name: string): ServiceDef | undefined {
  return BY_SIGNING_NAME.get(name);
}

export function serviceByVersion(version: string): ServiceDef | undefined {
  return BY_VERSION.get(version);
}
