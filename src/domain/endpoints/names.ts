/**
 * Endpoint names (CreateEndpointAccess `EndpointName`, service model doc): 1–30 characters, letters,
 * digits and hyphens, starting with a letter, no two consecutive hyphens, not ending with a hyphen.
 * The model allows upper case; CloudFormation and Terraform allow only lower case and the name is
 * part of a DNS name. We accept the name as given, keep names unique per (owner account, region)
 * case-insensitively (the entity id is the lower-cased name) and lower-case it in the Address
 * (docs/differences-from-aws.md, Endpoints; INFERRED).
 */
export const ENDPOINT_NAME_PATTERN = /^(?=.{1,30}$)(?!.*--)[A-Za-z][A-Za-z0-9-]*(?<!-)$/;

export const ENDPOINT_NAME_RULE =
  "Invalid value '{value}' for parameter {name}: an endpoint name must contain 1 to 30 characters, only letters (A-Z, a-z), " +
  "digits and hyphens, start with a letter, and must not contain two consecutive hyphens or end with a hyphen.";

/** The entity id of an endpoint name. */
export function endpointKey(name: string): string {
  return name.toLowerCase();
}
