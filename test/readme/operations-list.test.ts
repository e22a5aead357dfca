/**
 * The README's "Operations" section lists exactly the operations each API implements: the
 * operation tables of src/services/{redshift,ec2,sts}/index.ts. A new operation without its README
 * line, or a README line for an operation that answers 501, fails here.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { ec2 } from "../../src/services/ec2/index.js";
import { redshift } from "../../src/services/redshift/index.js";
import { sts } from "../../src/services/sts/index.js";
import type { ServiceDef } from "../../src/services/operation.js";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

/** The "## Operations" section, split at each `**Service**` paragraph. */
function listed(): Map<string, string[]> {
  const start = README.indexOf("\n## Operations\n");
  assert.ok(start >= 0, "the README has an Operations section");
  const rest = README.slice(start + 1);
  const end = rest.indexOf("\n## ", 3);
  const section = end === -1 ? rest : rest.slice(0, end);
  const out = new Map<string, string[]>();
  const parts = section.split(/^\*\*(\w+)\*\*/m);
  for (let i = 1; i < parts.length; i += 2) {
    out.set(parts[i]!, [...parts[i + 1]!.matchAll(/`([A-Z][A-Za-z]+)`/g)].map((m) => m[1]!));
  }
  return out;
}

const SERVICES: ReadonlyArray<readonly [string, ServiceDef]> = [
  ["Redshift", redshift],
  ["EC2", ec2],
  ["STS", sts],
];

describe("README operation list", () => {
  const lists = listed();

  for (const [name, service] of SERVICES) {
    it(`${name}: the README lists every implemented operation once, and nothing else`, () => {
      const readme = lists.get(name);
      assert.ok(readme, `the Operations section has a **${name}** paragraph`);
      assert.equal(new Set(readme).size, readme.length, `${name}: an operation is listed twice`);
      assert.deepEqual([...readme].sort(), Object.keys(service.operations).sort());
    });
  }

  it("lists no other service", () => {
    assert.deepEqual([...lists.keys()].sort(), SERVICES.map(([n]) => n).sort());
  });
});
