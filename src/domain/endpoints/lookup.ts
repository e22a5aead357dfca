/** Finding the caller's own endpoint by name, and the state rule every endpoint mutation shares. */
import type { DomainContext } from "../context.js";
import type { Endpoint } from "../entities.js";
import { EndpointNotFound, InvalidEndpointState } from "../errors.js";
import { endpointKey } from "./names.js";

/** The caller's endpoint `name` (case-insensitive), row-locked; endpoints of other accounts are invisible. */
export async function lockOwnEndpoint(ctx: DomainContext, name: string): Promise<Endpoint> {
  const endpoint = await ctx.tx.endpoints.getForUpdate(ctx.scope, endpointKey(name));
  if (!endpoint) throw new EndpointNotFound(`Endpoint ${name} not found.`);
  return endpoint;
}

/** Modify and Delete need a settled endpoint (CloudFormation quotes AWS: "Endpoint status must be active"). */
export function requireActive(endpoint: Endpoint): void {
  if (endpoint.status !== "active") {
    throw new InvalidEndpointState(`Endpoint ${endpoint.name} is ${endpoint.status}; the endpoint status must be active.`);
  }
}
