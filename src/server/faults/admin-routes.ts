/**
 * `/_redshift-local/faults` (README "Fault injection"), behind the admin-route checks of admin.ts
 * (Host, Origin; in --auth strict signed by a configured key, as /state and /reset):
 *
 *   GET    /faults       → 200 {"seed":N,"rules":[{…rule, "fired":N, "active":bool}]}
 *   POST   /faults       → 201 {"rules":[…]}: body a rule object, {"spec":"compact rule"}, a compact
 *                          string, or a JSON list of those; all or none are added (400 InvalidFaultRule,
 *                          409 FaultRuleAlreadyExists for an id in use)
 *   DELETE /faults       → 200 {"removed":N}: every rule
 *   DELETE /faults/ID    → 200 {"removed":1}, or 404 FaultRuleNotFound
 */
import type { SignedRequest } from "../../auth/authenticate.js";
import type { FaultEngine } from "./engine.js";
import { FaultRuleError, type FaultRuleInput } from "./rule.js";

export type JsonReply = (status: number, value: unknown, allow?: string) => void;

export function handleFaultsRoute(engine: FaultEngine, req: SignedRequest, id: string | undefined, reply: JsonReply): void {
  if (id !== undefined) {
    if (req.method !== "DELETE") return reply(405, { error: "MethodNotAllowed", message: `${req.method} is not allowed on ${req.rawPath}; use DELETE.` }, "DELETE");
    const removed = engine.remove(id);
    if (removed === 0) return reply(404, { error: "FaultRuleNotFound", message: `No fault rule with id '${id}'.` });
    return reply(200, { removed });
  }
  switch (req.method) {
    case "GET":
      return reply(200, { seed: engine.seed, rules: engine.list() });
    case "DELETE":
      return reply(200, { removed: engine.remove() });
    case "POST": {
      let inputs: (string | FaultRuleInput)[];
      try {
        inputs = readRules(req.body);
      } catch (err) {
        return reply(400, { error: "InvalidFaultRule", message: (err as Error).message });
      }
      try {
        const rules = engine.add(inputs);
        const added = new Set(rules.map((r) => r.id));
        return reply(201, { rules: engine.list().filter((r) => added.has(r["id"] as string)) });
      } catch (err) {
        if (!(err instanceof FaultRuleError)) throw err;
        const duplicate = /already exists/.test(err.message);
        return reply(duplicate ? 409 : 400, { error: duplicate ? "FaultRuleAlreadyExists" : "InvalidFaultRule", message: err.message });
      }
    }
    default:
      return reply(405, { error: "MethodNotAllowed", message: `${req.method} is not allowed on ${req.rawPath}; use GET, POST or DELETE.` }, "GET, POST, DELETE");
  }
}

function readRules(body: Buffer): (string | FaultRuleInput)[] {
  let value: unknown;
  try {
    value = JSON.parse(body.toString("utf8"));
  } catch {
    throw new FaultRuleError('the body must be JSON: a rule object, {"spec":"…"}, a compact rule string, or a list of them');
  }
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw new FaultRuleError("the list of rules is empty");
  return list.map((item: unknown) => {
    if (typeof item === "string") return item;
    if (item !== null && typeof item === "object" && !Array.isArray(item) && Object.keys(item).length === 1 && typeof (item as { spec?: unknown }).spec === "string") {
      return (item as { spec: string }).spec;
    }
    return item as FaultRuleInput;
  });
}
