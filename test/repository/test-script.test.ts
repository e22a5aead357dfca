/**
 * `npm test` runs every test file exactly once. The `test:unit` script lists the slow end-to-end
 * files first, so that with two files at a time the longest one (Terraform, minutes of the
 * provider's own waiter delays) starts at once and the rest of the suite runs beside it instead of
 * after it; this keeps that ordering from ever dropping or doubling a file.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

function testFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith(".test.ts") ? [join(dir, e.name)] : [],
  );
}

describe("npm test", () => {
  it("test:unit: the file list runs every test file exactly once, the end-to-end files first", () => {
    const script = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts["test:unit"]!;
    assert.match(script, /--test /);
    // The script's command substitutions, expanded by the shell npm uses, from the repository root.
    const substitutions = [...script.matchAll(/\$\(([^)]*)\)/g)].map((m) => `$(${m[1]})`);
    assert.ok(substitutions.length > 0, script);
    const listed = execFileSync("sh", ["-c", `for f in ${substitutions.join(" ")}; do echo "$f"; done`], { cwd: ROOT, encoding: "utf8" })
      .split("\n")
      .filter((l) => l !== "");
    const all = testFiles("test").map((f) => relative(ROOT, join(ROOT, f)));
    assert.deepEqual([...listed].sort(), [...all].sort(), "every test file, each once");
    // Two files run at a time, so the first two start at once.
    assert.ok(listed.slice(0, 2).includes("test/e2e/terraform.test.ts"), `the slowest file starts first: ${listed.slice(0, 3).join(", ")}`);
    const firstOther = listed.findIndex((f) => !f.startsWith("test/e2e/"));
    assert.ok(listed.slice(firstOther).every((f) => !f.startsWith("test/e2e/")), "the end-to-end files come first");
  });
});
