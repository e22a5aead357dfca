/**
 * No cross-account leakage (docs/differences-from-aws.md, Accounts, regions and credentials): a third
 * account (the stranger, who owns nothing) calls
 * every implemented operation of every service with the other accounts' real identifiers — their
 * cluster, subnet groups, endpoints, VPCs, subnets, security groups and account ids, as required
 * members, as every known member at once, and with every boolean on (DescribeEndpointAuthorization's
 * Grantee view). No answer may contain another account's identifier that the request did not
 * itself send, and nothing of the other accounts may change.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { GRANTEE, GRANTOR, STRANGER, startServer } from "../helpers.js";
import { SERVICES } from "../../src/services/registry.js";
import { at, authHeaders, baseParams, buildWorld, encode, leavesOf, type Caller, type Leaf } from "./world.js";

type Snapshot = Record<string, { account: string; id: string }[]>;

/** Every resource of the accounts other than the stranger, from the admin snapshot. */
async function othersState(url: string): Promise<Snapshot> {
  const state = (await (await fetch(`${url}/_redshift-local/state`)).json()) as Record<string, unknown>;
  const others: Snapshot = {};
  for (const [kind, list] of Object.entries(state)) {
    if (Array.isArray(list)) others[kind] = (list as { account: string; id: string }[]).filter((e) => e.account !== STRANGER);
  }
  return others;
}

/** The stranger's requests for one operation, built from one world account's valid values. */
function strangerProbes(action: string, leaves: readonly Leaf[], victim: Caller): [string, Map<string, string>][] {
  const everyKnown = new Map<string, string>();
  for (const leaf of leaves) {
    const value = victim.known[leaf.name];
    if (value !== undefined) everyKnown.set(at(leaf.key), value);
  }
  const booleansOn = new Map(everyKnown);
  for (const leaf of leaves) if (leaf.shape.type === "boolean" && leaf.name !== "DryRun") booleansOn.set(at(leaf.key), "true");
  return [
    ["no parameters", new Map<string, string>()],
    [`the required members with ${victim.account}'s values`, baseParams(action, leaves, victim)],
    [`every member ${victim.account} has a value for`, everyKnown],
    [`every member ${victim.account} has a value for, booleans on`, booleansOn],
  ];
}

describe("wire: a caller never sees or changes another account's resources", () => {
  let rs: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    rs = await startServer();
  });
  after(async () => {
    await rs.close();
  });

  for (const service of SERVICES) {
    for (const [action, op] of Object.entries(service.operations)) {
      it(`isolation: ${service.signingName} ${action} called by a third account with the others' identifiers reveals and changes nothing of theirs`, async () => {
        const victims = await buildWorld(rs.url);
        // Settle the world's lifecycles (any request does), then take the others' state.
        assert.equal((await fetch(rs.url + "/", { method: "POST", headers: authHeaders(GRANTOR, "sts"), body: "Action=GetCallerIdentity&Version=2011-06-15" })).status, 200);
        const before = await othersState(rs.url);
        const foreign = new Set<string>([GRANTOR, GRANTEE]);
        for (const list of Object.values(before)) for (const e of list) foreign.add(e.id);

        const leaves = leavesOf(op.input, service.protocol);
        const problems: string[] = [];
        for (const victim of victims) {
          for (const [what, params] of strangerProbes(action, leaves, victim)) {
            const res = await fetch(rs.url + "/", {
              method: "POST",
              headers: { "content-type": "application/x-www-form-urlencoded", ...authHeaders(STRANGER, service.signingName) },
              body: encode(new Map([["Action", action], ["Version", service.version], ...params])),
            });
            const text = await res.text();
            if (res.status >= 500) problems.push(`${what}: ${res.status} ${text.slice(0, 200)}`);
            const sent = [...params.values()].join("\n");
            const leaked = [...foreign].filter((id) => text.includes(id) && !sent.includes(id));
            if (leaked.length > 0) problems.push(`${what}: the answer shows ${leaked.join(", ")}: ${text.slice(0, 400)}`);
          }
        }
        assert.deepEqual(problems, []);
        assert.deepEqual(await othersState(rs.url), before, "the other accounts' resources are unchanged");
      });
    }
  }
});
