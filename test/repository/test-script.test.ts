/**
 * Every test file runs exactly once: `npm test` (its `test:unit` script) runs all of them except the
 * slow real-tool suites under test/e2e/slow (Terraform with the provider's own waiter delays, the
 * browser), which `npm run test:e2e` runs and `.ci/run` runs after `npm test`. `test:unit` lists
 * the end-to-end files first, so that with two files at a time the longer ones start at once and
 * the rest of the suite runs beside them instead of after them.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SCRIPTS = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

function testFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith(".test.ts") ? [join(dir, e.name)] : [],
  );
}

/** The files a script's command substitutions expand to, by the shell npm uses, from the repository root. */
function listedBy(script: string): string[] {
  assert.match(script, /--test /);
  const substitutions = [...script.matchAll(/\$\(([^)]*)\)/g)].map((m) => `$(${m[1]})`);
  assert.ok(substitutions.length > 0, script);
  return execFileSync("sh", ["-c", `for f in ${substitutions.join(" ")}; do echo "$f"; done`], { cwd: ROOT, encoding: "utf8" })
    .split("\n")
    .filter((l) => l !== "");
}

describe("npm test and npm run test:e2e", () => {
  it("test:unit and test:e2e together run every test file exactly once; the slow suites only in test:e2e", () => {
    const unit = listedBy(SCRIPTS["test:unit"]!);
    const e2e = listedBy(SCRIPTS["test:e2e"]!);
    const all = testFiles("test").map((f) => relative(ROOT, join(ROOT, f)));
    assert.deepEqual([...unit, ...e2e].sort(), [...all].sort(), "every test file, each once");
    assert.ok(e2e.length > 0 && e2e.every((f) => f.startsWith("test/e2e/slow/")), e2e.join(", "));
    assert.ok(e2e.includes("test/e2e/slow/terraform.test.ts"));
    assert.ok(unit.every((f) => !f.startsWith("test/e2e/slow/")));
  });

  it("test:unit: the end-to-end files come first, so the longer ones start at once", () => {
    const listed = listedBy(SCRIPTS["test:unit"]!);
    const firstOther = listed.findIndex((f) => !f.startsWith("test/e2e/"));
    assert.ok(firstOther > 0, "there are end-to-end files");
    assert.ok(listed.slice(firstOther).every((f) => !f.startsWith("test/e2e/")), "the end-to-end files come first");
  });

  it("npm test runs test:unit; .ci/run runs npm test, then test:e2e", () => {
    assert.match(SCRIPTS["test"]!, /npm run test:unit$/);
    const ci = readFileSync(join(ROOT, ".ci", "run"), "utf8");
    const test = ci.indexOf("\nnpm test\n");
    assert.ok(test > 0 && ci.indexOf("\nnpm run test:e2e\n") > test, "CI runs the slow suites after npm test");
  });
});
