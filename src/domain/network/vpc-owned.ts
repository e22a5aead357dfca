/**
 * Resources every VPC owns and that live exactly as long as it: its main route table and its default
 * network ACL. redshift-local creates neither separately (CreateRouteTable / CreateNetworkAcl are
 * not emulated, so a VPC has exactly one of each): their ids are derived from the VPC id (ids.ts), so
 * they exist from the moment the VPC does, stay the same across requests and restarts, and go when
 * the VPC is deleted.
 *
 * A Describe of such a resource lists the partition's VPCs in the store's stable order (so paging
 * is the VPC listing's paging) and shows each as the owned resource; a lookup by owned id reads the
 * partition's VPCs once per call and matches their derived ids.
 */
import type { DomainContext } from "../context.js";
import type { Scope, Vpc } from "../entities.js";
import type { Repo } from "../../store/store.js";

export function vpcOwnedRepo(ctx: DomainContext, ownedId: (vpc: Vpc) => string): Pick<Repo<Vpc, string>, "get" | "find"> {
  let byOwnedId: Map<string, Vpc> | undefined;
  return {
    get: async (scope: Scope, id: string) => {
      if (!byOwnedId) {
        byOwnedId = new Map();
        for (const vpc of await ctx.tx.vpcs.find({ account: scope.account, region: scope.region })) byOwnedId.set(ownedId(vpc), vpc);
      }
      return byOwnedId.get(id);
    },
    find: (where, page) => ctx.tx.vpcs.find(where, page),
  };
}

/** The subnets of each VPC of a batch, one query per VPC. */
export async function subnetsByVpc(ctx: DomainContext, vpcs: readonly Vpc[]): Promise<Map<string, { id: string }[]>> {
  const out = new Map<string, { id: string }[]>();
  for (const vpc of vpcs) out.set(vpc.id, await ctx.tx.subnets.find({ account: vpc.account, region: vpc.region, vpcId: vpc.id }));
  return out;
}
