import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Cluster, Endpoint } from "../../src/domain/entities.js";
import {
  NO_DELAYS,
  REALISTIC_DELAYS,
  TRANSITIONS,
  TRANSITION_NAMES,
  beginTransition,
  parseDuration,
  resolveDelays,
} from "../../src/domain/lifecycle.js";

describe("lifecycle", () => {
  describe("parseDuration", () => {
    it("parseDuration: reads ms, s, m, h and bare milliseconds", () => {
      assert.equal(parseDuration("500ms"), 500);
      assert.equal(parseDuration("90s"), 90_000);
      assert.equal(parseDuration("5m"), 300_000);
      assert.equal(parseDuration("1h"), 3_600_000);
      assert.equal(parseDuration("1500"), 1500);
      assert.equal(parseDuration("0"), 0);
    });

    it("parseDuration: accepts fractions and surrounding spaces, rounding to whole milliseconds", () => {
      assert.equal(parseDuration("1.5s"), 1500);
      assert.equal(parseDuration(" 2m "), 120_000);
      assert.equal(parseDuration("0.0004s"), 0);
    });

    it("parseDuration: refuses negative, unitless garbage and unknown units", () => {
      for (const bad of ["", "-1s", "s", "5x", "1 s", "5min", "1e3", "1,5s", "NaN"]) {
        assert.throws(() => parseDuration(bad), RangeError, bad);
      }
    });
  });

  describe("resolveDelays", () => {
    it("resolveDelays: no specs means every transition is immediate", () => {
      const delays = resolveDelays(undefined);
      assert.deepEqual(delays, NO_DELAYS);
      for (const t of TRANSITION_NAMES) assert.equal(delays[t], 0, t);
      assert.deepEqual(resolveDelays([]), NO_DELAYS);
    });

    it("resolveDelays: realistic uses AWS-like durations (cluster 2 min, endpoint 5 min, modify and delete 1 min)", () => {
      const d = resolveDelays(["realistic"]);
      assert.deepEqual(d, REALISTIC_DELAYS);
      assert.equal(d["cluster-create"], 120_000);
      assert.equal(d["endpoint-create"], 300_000);
      assert.equal(d["cluster-modify"], 60_000);
      assert.equal(d["endpoint-modify"], 60_000);
      assert.equal(d["cluster-delete"], 60_000);
      assert.equal(d["endpoint-delete"], 60_000);
    });

    it("resolveDelays: all=DURATION sets every transition", () => {
      const d = resolveDelays(["all=90s"]);
      for (const t of TRANSITION_NAMES) assert.equal(d[t], 90_000, t);
    });

    it("resolveDelays: a named transition changes only that one", () => {
      const d = resolveDelays(["endpoint-create=5m"]);
      assert.equal(d["endpoint-create"], 300_000);
      for (const t of TRANSITION_NAMES) if (t !== "endpoint-create") assert.equal(d[t], 0, t);
    });

    it("resolveDelays: later specs override earlier ones", () => {
      const a = resolveDelays(["realistic", "endpoint-create=0"]);
      assert.equal(a["endpoint-create"], 0);
      assert.equal(a["cluster-create"], 120_000);
      const b = resolveDelays(["endpoint-create=0", "realistic"]);
      assert.equal(b["endpoint-create"], 300_000);
      const c = resolveDelays(["all=1s", "cluster-delete=2s", "all=3s"]);
      assert.equal(c["cluster-delete"], 3000);
    });

    it("resolveDelays: a record of milliseconds applies `all` first, then named transitions", () => {
      const d = resolveDelays({ all: 1000, "cluster-create": 5 });
      assert.equal(d["cluster-create"], 5);
      assert.equal(d["endpoint-delete"], 1000);
    });

    it("resolveDelays: refuses unknown transitions, malformed specs and bad milliseconds", () => {
      assert.throws(() => resolveDelays(["cluster-explode=1s"]), /unknown transition 'cluster-explode'/);
      assert.throws(() => resolveDelays(["endpoint-create"]), /invalid delay 'endpoint-create'/);
      assert.throws(() => resolveDelays(["endpoint-create=soon"]), /invalid duration 'soon'/);
      assert.throws(() => resolveDelays({ "cluster-explode": 1 } as never), /unknown transition/);
      assert.throws(() => resolveDelays({ "cluster-create": -1 }), RangeError);
      assert.throws(() => resolveDelays({ all: Number.NaN }), RangeError);
    });

    it("resolveDelays: returns a fresh object, never the shared defaults", () => {
      const d = resolveDelays(["all=1s"]);
      assert.notEqual(d, NO_DELAYS);
      for (const t of TRANSITION_NAMES) assert.equal(NO_DELAYS[t], 0, `NO_DELAYS.${t} untouched`);
    });
  });

  describe("beginTransition", () => {
    const cluster = (): Cluster => ({ account: "111111111111", region: "us-east-1", id: "c1", createdAt: 0, status: "available" }) as Cluster;
    const endpoint = (): Endpoint => ({ account: "222222222222", region: "us-east-1", id: "e1", createdAt: 0, status: "active" }) as Endpoint;

    it("beginTransition: sets the transitional status and the due time now + delay", () => {
      const delays = resolveDelays(["endpoint-create=5m"]);
      const e = beginTransition(endpoint(), "endpoint-create", 1_000_000, delays);
      assert.equal(e.status, "creating");
      assert.deepEqual(e.pending, { transition: "endpoint-create", at: 1_300_000 });
    });

    it("beginTransition: with no delay the transition is due at once", () => {
      const c = beginTransition(cluster(), "cluster-pause", 42, NO_DELAYS);
      assert.equal(c.status, "pausing");
      assert.deepEqual(c.pending, { transition: "cluster-pause", at: 42 });
    });

    it("beginTransition: every transition's `from` status is the one it sets, on the entity it is given", () => {
      for (const t of TRANSITION_NAMES) {
        const entity = TRANSITIONS[t].kind === "clusters" ? cluster() : endpoint(); // the status field is all that matters
        const out = beginTransition(entity, t, 10, REALISTIC_DELAYS);
        assert.equal(out, entity, "mutates and returns the same entity");
        assert.equal(out.status, TRANSITIONS[t].from, t);
        assert.equal(out.pending?.at, 10 + REALISTIC_DELAYS[t], t);
      }
    });

    it("transition table: each resource's transitions go to a settled status, to gone, or into the transition that follows", () => {
      const settled: Record<"clusters" | "endpoints" | "snapshots", (string | null)[]> = {
        clusters: ["available", "paused", null],
        endpoints: ["active", null],
        snapshots: ["available"],
      };
      // A final snapshot hands the cluster on to its deletion (settle starts cluster-delete).
      const chained: Partial<Record<string, string>> = { "cluster-final-snapshot": TRANSITIONS["cluster-delete"].from };
      for (const t of TRANSITION_NAMES) {
        const tr = TRANSITIONS[t];
        assert.ok(settled[tr.kind].includes(tr.to) || chained[t] === tr.to, `${t} → ${String(tr.to)}`);
        assert.notEqual(tr.from, tr.to, t);
        assert.ok(tr.realisticMs > 0, t);
      }
    });
  });
});
