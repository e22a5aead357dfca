/**
 * Keeps the one error catalogue (src/domain/errors.ts) consistent with AWS's tables, kept verbatim in
 * test/fixtures/aws-error-codes.md (sources:
 * https://docs.aws.amazon.com/redshift/latest/APIReference/CommonErrors.html
 * and the Redshift service model): every class whose code is a Redshift model code in its
 * Appendix A has exactly that HTTP status
 * (and the Sender fault all modelled Redshift errors have); no class uses a shape name where the
 * model's wire code differs (`ClusterNotFoundFault` instead of `ClusterNotFound`); the common
 * query-protocol codes of §3.3 keep their documented statuses. The tables are parsed at test time.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import * as catalogue from "../../src/domain/errors.js";

const REFERENCE = new URL("../fixtures/aws-error-codes.md", import.meta.url);

interface Row {
  readonly code: string;
  readonly status: number;
  readonly shape: string;
}

interface Entry {
  readonly exportName: string;
  readonly code: string;
  readonly status: number;
  readonly cls: new (message: string) => catalogue.AwsError;
}

function section(text: string, heading: RegExp): string {
  const start = text.search(heading);
  assert.ok(start >= 0, `reference section ${heading} not found`);
  const rest = text.slice(start + 1);
  const end = rest.search(/\n##? /);
  return end === -1 ? rest : rest.slice(0, end);
}

/** Appendix A rows: | `Code` | HTTP | Shape | */
function appendixA(text: string): Row[] {
  const rows: Row[] = [];
  for (const line of section(text, /^## Appendix A/m).split("\n")) {
    const m = /^\| `([^`]+)` \| (\d{3}) \| (\w+) \|$/.exec(line.trim());
    if (m) rows.push({ code: m[1]!, status: Number(m[2]), shape: m[3]! });
  }
  return rows;
}

/** §3.3 rows whose first cell is one code and second cell one status: | `Code` | 400 | … | or **404**. */
function commonErrors(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of section(text, /^### 3\.3 Common/m).split("\n")) {
    const m = /^\| `([^`]+)` \| \**(\d{3})\**[^|]*\|/.exec(line.trim());
    if (m) out.set(m[1]!, Number(m[2]));
  }
  return out;
}

function entries(): Entry[] {
  const out: Entry[] = [];
  for (const [exportName, value] of Object.entries(catalogue)) {
    if (typeof value !== "function") continue;
    const cls = value as unknown as { code?: unknown; status?: unknown };
    if (typeof cls.code === "string" && typeof cls.status === "number") {
      out.push({ exportName, code: cls.code, status: cls.status, cls: value as unknown as Entry["cls"] });
    }
  }
  return out;
}

const text = readFileSync(REFERENCE, "utf8");
const rows = appendixA(text);
const byCode = new Map(rows.map((r) => [r.code, r]));
const byShape = new Map(rows.map((r) => [r.shape, r]));

describe("error catalogue vs AWS's error tables (test/fixtures/aws-error-codes.md)", () => {
  it("catalogue: the reference's Appendix A parses into the 143 modelled Redshift errors, one row per code", () => {
    assert.equal(rows.length, 143);
    assert.equal(byCode.size, rows.length);
    assert.deepEqual(byCode.get("ClusterNotFound"), { code: "ClusterNotFound", status: 404, shape: "ClusterNotFoundFault" });
  });

  it("catalogue: every class with a Redshift model code has exactly the model's HTTP status and fault Sender", () => {
    const matched = entries().filter((e) => byCode.has(e.code));
    assert.ok(matched.length >= 20, `only ${matched.length} catalogue classes carry Redshift model codes`);
    for (const e of matched) {
      const row = byCode.get(e.code)!;
      assert.equal(e.status, row.status, `${e.exportName}: ${e.code} is HTTP ${row.status} in the model, the catalogue says ${e.status}`);
      const instance = new e.cls("m");
      assert.equal(instance.code, row.code, `${e.exportName}: instances carry the class code`);
      assert.equal(instance.status, row.status, `${e.exportName}: instances carry the class status`);
      assert.equal(instance.fault, "Sender", `${e.exportName}: modelled Redshift errors are sender faults`);
    }
  });

  it("catalogue: no class puts a shape name on the wire where the model's code differs", () => {
    for (const e of entries()) {
      if (byCode.has(e.code)) continue;
      // EC2 and common codes may resemble Redshift names (EC2's TagLimitExceeded): only a code that
      // IS a Redshift shape name with a different wire code is the mistake this guards against.
      const row = byShape.get(e.code);
      assert.equal(row, undefined, `${e.exportName} sends '${e.code}', but the model's wire code for ${row?.shape} is '${row?.code}' (HTTP ${row?.status})`);
    }
  });

  it("catalogue: the codes the product relies on are present with the model's code", () => {
    const codes = new Set(entries().map((e) => e.code));
    for (const code of [
      "ClusterNotFound",
      "ClusterAlreadyExists",
      "ClusterSubnetGroupNotFoundFault",
      "EndpointAuthorizationNotFound",
      "EndpointAuthorizationAlreadyExists",
      "EndpointNotFound",
      "EndpointAlreadyExists",
      "InvalidClusterState",
      "InvalidEndpointState",
    ]) {
      assert.ok(codes.has(code), `the catalogue has no class for ${code}`);
    }
  });

  it("catalogue: common query-protocol codes keep the statuses of §3.3", () => {
    const common = commonErrors(text);
    assert.ok(common.size >= 15, `parsed only ${common.size} common codes`);
    const checked = entries().filter((e) => common.has(e.code));
    assert.ok(checked.length >= 10, `only ${checked.length} catalogue classes carry common codes`);
    for (const e of checked) {
      assert.equal(e.status, common.get(e.code), `${e.exportName}: ${e.code} is HTTP ${common.get(e.code)} in §3.3, the catalogue says ${e.status}`);
    }
  });

  it("catalogue: class names are the codes without dots, and no two exports share a code", () => {
    const seen = new Map<string, string>();
    for (const e of entries()) {
      assert.equal(e.cls.name, e.code.replace(/\./g, ""), `${e.exportName}: class name`);
      assert.equal(seen.get(e.code), undefined, `${e.exportName} and ${seen.get(e.code)} both send ${e.code}`);
      seen.set(e.code, e.exportName);
    }
  });
});
