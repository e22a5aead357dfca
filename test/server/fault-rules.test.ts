/** The pure pieces of fault injection: the rule syntax (compact and JSON) and the engine's firing rules. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ManualClock } from "../../src/domain/clock.js";
import { FaultEngine, MAX_RULES, mulberry32, type FaultCall } from "../../src/server/faults/engine.js";
import { FaultRuleError, checkFaultRule, defaultStatus, parseFaultSpec } from "../../src/server/faults/rule.js";
import { Logger } from "../../src/server/logger.js";

const ids = () => {
  let n = 0;
  return () => `r${++n}`;
};
const call = (operation = "DescribeClusters", service = "redshift"): FaultCall => ({ service, operation, account: "111111111111", region: "us-east-1", requestId: "req" });

function engine(options: { seed?: number; sleep?: (ms: number) => Promise<void>; clock?: ManualClock } = {}): FaultEngine {
  return new FaultEngine({ clock: options.clock ?? new ManualClock(0), logger: new Logger("silent"), ...options });
}

describe("fault rule syntax", () => {
  it("parseFaultSpec: the target item is SERVICE:OPERATION, OPERATION, SERVICE:* or *", () => {
    const t = (spec: string) => {
      const r = parseFaultSpec(spec, ids());
      return [r.service, r.operation];
    };
    assert.deepEqual(t("redshift:AuthorizeEndpointAccess,error=Throttling"), ["redshift", "AuthorizeEndpointAccess"]);
    assert.deepEqual(t("DescribeVpcs,error=Throttling"), [undefined, "DescribeVpcs"]);
    assert.deepEqual(t("ec2:*,error=Throttling"), ["ec2", undefined]);
    assert.deepEqual(t("*,error=Throttling"), [undefined, undefined]);
    assert.deepEqual(t("error=Throttling,service=STS,op=GetCallerIdentity"), ["sts", "GetCallerIdentity"]);
  });

  it("parseFaultSpec and checkFaultRule read the same rule the same way", () => {
    const compact = parseFaultSpec("redshift:DescribeClusters,error=Throttling,when=after,account=111111111111,region=eu-west-1,p=0.25,count=3,for=90s,seed=9,id=x", ids());
    const json = checkFaultRule(
      { id: "x", service: "redshift", operation: "DescribeClusters", error: "Throttling", when: "after", account: "111111111111", region: "eu-west-1", probability: 0.25, count: 3, for: 90_000, seed: 9 },
      ids(),
    );
    assert.deepEqual(compact, json);
    assert.deepEqual(compact.effect, { kind: "error", code: "Throttling", status: 400, message: "Rate exceeded", when: "after" });
    assert.equal(compact.forMs, 90_000);
  });

  it("an error's default status is the catalogue's (modelled status), then AWS's for the transient codes, else 400", () => {
    assert.equal(defaultStatus("ClusterNotFound"), 404);
    assert.equal(defaultStatus("EndpointAuthorizationNotFound"), 404);
    assert.equal(defaultStatus("InvalidVpcID.NotFound"), 400);
    assert.equal(defaultStatus("Throttling"), 400);
    assert.equal(defaultStatus("ThrottlingException"), 400);
    assert.equal(defaultStatus("InternalFailure"), 500);
    assert.equal(defaultStatus("InternalError"), 500);
    assert.equal(defaultStatus("ServiceUnavailable"), 503);
    assert.equal(defaultStatus("RequestLimitExceeded"), 503);
    assert.equal(defaultStatus("NeverHeardOfIt"), 400);
  });

  it("a rule is refused with a message saying what is wrong", () => {
    const bad = (rule: unknown, pattern: RegExp) => assert.throws(() => (typeof rule === "string" ? parseFaultSpec(rule, ids()) : checkFaultRule(rule, ids())), (e: unknown) => e instanceof FaultRuleError && pattern.test(e.message));
    bad("", /empty fault rule/);
    bad("a,,error=X", /empty item/);
    bad("error=X,DescribeClusters", /'DescribeClusters' is not KEY=VALUE/);
    bad("error=X,error=Y", /'error' is given twice/);
    bad("error=X,latency=1s", /exactly one of/);
    bad("latency=1s,status=500", /status applies only to error rules/);
    bad("error=X,resource=a", /resource applies only to hold rules/);
    bad("hold=endpoint-create,probability=0.5", /probability does not apply to hold rules/);
    bad("error=X,count=0", /count 0 must be a whole number ≥ 1/);
    bad("error=X,count=1.5", /count 1.5/);
    bad("error=X,account=123", /account '123' is not 12 digits/);
    bad("error=X,when=later", /when "later" must be before or after/);
    bad("error=X,seed=-1", /seed -1/);
    bad("error=X,id=a b", /id 'a b'/);
    bad("error=<x>", /not an error code/);
    bad("Describe-Clusters,error=X", /not an action name/);
    bad({ error: "X", latencyMs: 5 }, /unknown field 'latencyMs'/);
    bad({ error: "X", status: "500" }, /status "500" must be an HTTP error status/);
    bad([], /must be an object/);
  });
});

describe("fault engine", () => {
  it("count=N fires on the next N matching calls only; the rule then stays listed, inactive", async () => {
    const e = engine();
    e.add(["DescribeClusters,error=Throttling,count=2,id=t"]);
    assert.equal((await e.before(call("DescribeVpcs", "ec2"))), undefined, "another operation does not consume the count");
    const results = [await e.before(call()), await e.before(call()), await e.before(call())].map((x) => x?.code);
    assert.deepEqual(results, ["Throttling", "Throttling", undefined]);
    assert.deepEqual(e.list().map((r) => [r["id"], r["fired"], r["active"]]), [["t", 2, false]]);
  });

  it("the first error rule that fires wins; after-rules do not fire before the operation", async () => {
    const e = engine();
    e.add(["DescribeClusters,error=A,when=after", "DescribeClusters,error=B", "DescribeClusters,error=C"]);
    assert.equal((await e.before(call()))?.code, "B");
    assert.equal(e.after(call())?.code, "A");
  });

  it("latency rules wait through the injected sleep, summed, before any error", async () => {
    const waits: number[] = [];
    const e = engine({ sleep: async (ms) => void waits.push(ms) });
    e.add(["DescribeClusters,latency=2s", "*,latency=500ms,count=1", "DescribeClusters,error=Throttling"]);
    assert.equal((await e.before(call()))?.code, "Throttling");
    assert.equal(await e.before(call("DescribeVpcs", "ec2")), undefined);
    assert.deepEqual(waits, [2500]);
  });

  it("probability draws come from the rule's seed, else from the server's seed and the rule's id", async () => {
    const pattern = async (e: FaultEngine) => {
      const out: boolean[] = [];
      for (let i = 0; i < 16; i++) out.push((await e.before(call())) !== undefined);
      return out;
    };
    const draw = mulberry32(3);
    const a = engine();
    a.add(["DescribeClusters,error=X,p=0.3,seed=3"]);
    assert.deepEqual(await pattern(a), Array.from({ length: 16 }, () => draw() < 0.3));
    const runs = await Promise.all([1, 1, 2].map(async (seed) => {
      const e = engine({ seed });
      e.add(["DescribeClusters,error=X,p=0.5,id=r"]);
      return pattern(e);
    }));
    assert.deepEqual(runs[0], runs[1], "same server seed, same draws");
    assert.notDeepEqual(runs[0], runs[2], "another server seed, other draws");
  });

  it("stats count every firing, per current rule and in total (removed rules included)", async () => {
    const e = engine();
    e.add(["DescribeClusters,error=X,id=a", "DescribeVpcs,error=Y,id=b"]);
    await e.before(call());
    await e.before(call());
    await e.before(call("DescribeVpcs", "ec2"));
    assert.deepEqual(e.stats(), { fired: 3, rules: { a: 2, b: 1 } });
    assert.equal(e.remove("a"), 1);
    assert.equal(e.remove("a"), 0);
    assert.deepEqual(e.stats(), { fired: 3, rules: { b: 1 } });
    assert.equal(e.remove(), 1);
    assert.deepEqual(e.stats(), { fired: 3, rules: {} });
  });

  it("adding is all or nothing: one bad or duplicate rule adds none", () => {
    const e = engine();
    e.add(["DescribeClusters,error=X,id=a"]);
    assert.throws(() => e.add(["DescribeClusters,error=Y,id=b", "DescribeClusters,error=Z,id=a"]), /id 'a' already exists/);
    assert.throws(() => e.add(["DescribeClusters,error=Y,id=c", "nonsense"]), FaultRuleError);
    assert.deepEqual(e.list().map((r) => r["id"]), ["a"]);
    assert.throws(() => e.add(Array.from({ length: MAX_RULES }, () => "DescribeClusters,error=X")), /at most 1000 fault rules/);
    assert.equal(e.list().length, 1);
  });

  it("a hold with count=N holds N resources, each counted once; it lapses with for=", () => {
    const clock = new ManualClock(0);
    const e = engine({ clock });
    e.add(["hold=endpoint-create,count=1,for=1m,id=h"]);
    const ep = (id: string) => ({ account: "111111111111", region: "us-east-1", id });
    assert.equal(e.held("endpoint-create", ep("a"), 0), true);
    assert.equal(e.held("endpoint-create", ep("a"), 0), true);
    assert.equal(e.held("endpoint-create", ep("b"), 0), false, "count reached");
    assert.equal(e.held("endpoint-delete", ep("a"), 0), false);
    assert.deepEqual(e.stats(), { fired: 1, rules: { h: 1 } });
    assert.equal(e.held("endpoint-create", ep("a"), 60_000), false, "expired");
  });
});
