/**
 * A fresh clone is all a user has: nothing in the repository may read, import or link a path outside
 * it, nor cite documents that only exist beside a development checkout (a design spec, research
 * notes). The scan covers the code, tests, benchmarks, docs, CI script and top-level files; the
 * checker itself is proven on inline examples first (among them the line that once made every
 * fresh clone fail: the error-catalogue test reading a reference file next to the checkout), so the
 * scan cannot pass by matching nothing.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SELF = relative(ROOT, fileURLToPath(import.meta.url));

const SCANNED_DIRS = ["src", "test", "bench", "docs", ".ci"];
const SCANNED_FILES = ["package.json", "README.md", "eslint.config.js", "tsconfig.json", "tsconfig.build.json"];
const TEXT_FILE = /\.(ts|js|mjs|cjs|json|md|py|sh|yml|yaml|txt|hcl|tf)$|^[^.]+$/;

/**
 * A relative path in one string (`../../x`; not the `..` inside a longer path such as `/a/b/../c`),
 * or a run of `".."` arguments (`join(dir, "..", "..")`).
 */
const RELATIVE_PATH = /(?<![\w./-])(?:\.\.\/)+[^\s"'`)\]>,;]*/g;
const DOTDOT_ARGUMENTS = /["'`]\.\.["'`](?:\s*,\s*["'`]\.\.["'`])*/g;
/** Absolute paths of a developer's machine (not `/usr/bin`, `/tmp`, `/proc`, which tests use on purpose). */
const MACHINE_PATH = /(?<![\w.-])\/(?:work|home|Users|root)\/[\w.-]+/g;
/** Documents that exist beside a development checkout, never in a user's clone. */
const FOREIGN_DOCS: readonly RegExp[] = [
  /\bSPEC(?:\.md\b| ?§)/g,
  /\bthe SPEC's\b/g,
  /\baws-semantics(?:\.md)?\b/g,
  /\baws-protocol\.md\b/g,
  /\bpeers\.md\b/g,
  /\bstyle-anchors(?:\.md)?\b/g,
  /\bSTYLE\.md\b/g,
  /\bshared\/reference\b/g,
];

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

function outside(path: string): boolean {
  const rel = relative(ROOT, path);
  return rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

/** A file or directory of the repository (an import's `.js` may name a `.ts` source). */
function exists(path: string): boolean {
  const bare = path.replace(/[.:]+$/, "");
  return existsSync(bare) || existsSync(bare.replace(/\.js$/, ".ts"));
}

/** Every reference in `text` (the content of `file`, relative to the repository) to something outside it. */
function violations(file: string, text: string): string[] {
  const found: string[] = [];
  const dir = dirname(join(ROOT, file));
  const report = (index: number, what: string): void => void found.push(`${file}:${lineOf(text, index)}: ${what}`);
  for (const m of text.matchAll(RELATIVE_PATH)) {
    // Relative to the file, as imports, `new URL(…, import.meta.url)` and Markdown links resolve; in
    // prose (a relative path to a sibling folder of the repository) it may instead be meant from the repository root, the working
    // directory of `npm test`: escaping from there is wrong too unless the file-relative reading
    // names something that exists.
    const fromFile = resolve(dir, m[0]);
    if (outside(fromFile)) report(m.index, `'${m[0]}' resolves outside the repository`);
    else if (outside(resolve(ROOT, m[0])) && !exists(fromFile)) report(m.index, `'${m[0]}' is outside the repository read from its root, and names nothing from ${dirname(file)}`);
  }
  for (const m of text.matchAll(DOTDOT_ARGUMENTS)) {
    const ups = m[0].split("..").length - 1;
    if (outside(resolve(dir, ...Array<string>(ups).fill("..")))) report(m.index, `${ups} '..' segments from ${dirname(file)} leave the repository`);
  }
  for (const m of text.matchAll(MACHINE_PATH)) report(m.index, `'${m[0]}' is a path on a developer's machine`);
  for (const pattern of FOREIGN_DOCS) {
    for (const m of text.matchAll(pattern)) report(m.index, `'${m[0]}' cites a document that is not in the repository`);
  }
  return found;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  if (!existsSync(join(ROOT, dir))) return out;
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const rel = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && entry.name !== "dist") out.push(...filesUnder(rel));
    } else if (entry.isFile() && TEXT_FILE.test(entry.name)) {
      out.push(rel);
    }
  }
  return out;
}

describe("repository: self-contained", () => {
  it("self-contained: the checker flags paths and citations outside the repository (the old error-catalogue line among them)", () => {
    // The sibling folder these examples point into, assembled so that this file itself names no
    // path outside the repository.
    const sibling = ["..", "shared"].join("/");
    const flagged: [string, string][] = [
      // The line that made `npm test` fail on every fresh clone.
      ["test/protocol/errors-catalogue.test.ts", `const REFERENCE = new URL("../../${sibling}/reference/aws-protocol.md", import.meta.url);`],
      ["test/x.test.ts", 'const up = resolve(__dirname, "../../..");'],
      ["test/e2e/x.test.ts", 'const up = join(here, "..", "..", "..");'],
      ["src/protocol/x.ts", ` * (see ${sibling}/notes.md §2)`],
      ["src/x.ts", `readFileSync("/${["work", "shared"].join("/")}/data.json")`],
      ["src/domain/x.ts", " * CreateCluster (SPEC §5.3): validate every parameter"],
      ["test/api/x.test.ts", "describe(\"errors, in the SPEC's order\", () => {"],
      ["src/domain/x.ts", " * (aws-semantics.md §10.6, INFERRED)"],
      ["README.md", "the decisions in `SPEC.md`"],
      ["docs/x.md", "[notes](../../reference/notes.md)"],
    ];
    for (const [file, line] of flagged) assert.notDeepEqual(violations(file, line), [], `not flagged in ${file}: ${line}`);

    const clean: [string, string][] = [
      ["test/protocol/errors-catalogue.test.ts", 'const REFERENCE = new URL("../fixtures/aws-error-codes.md", import.meta.url);'],
      ["test/protocol/x.test.ts", 'import { startRedshiftLocal } from "../../src/index.js";'],
      ["test/e2e/spawn.ts", 'export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");'],
      ["bench/run.ts", 'const ROOT = new URL("..", import.meta.url).pathname;'],
      ["src/cli/flags.ts", '"[--delay SPEC]... [--quota NAME=N]"'],
      ["test/e2e/awscli-runner.ts", 'export const SYSTEM_AWS = "/usr/bin/aws"; AWS_CONFIG_FILE: "/nonexistent/redshift-local/config"'],
      ["README.md", "[docs/differences-from-aws.md](docs/differences-from-aws.md)"],
      ["src/x.ts", "// https://docs.aws.amazon.com/redshift/latest/APIReference/CommonErrors.html"],
      ["test/auth/x.test.ts", 'assert.equal(canonicalUri("/a/./b/../c//d"), "/a/c/d");'],
    ];
    for (const [file, line] of clean) assert.deepEqual(violations(file, line), [], `wrongly flagged in ${file}: ${line}`);
  });

  it("self-contained: no file under src/, test/, bench/, docs/, .ci/ (nor package.json, README.md) reads, links or cites a path outside the repository", () => {
    const files = [...SCANNED_DIRS.flatMap(filesUnder), ...SCANNED_FILES.filter((f) => existsSync(join(ROOT, f)))].filter((f) => f !== SELF);
    assert.ok(files.length > 100, `only ${files.length} files scanned`);
    assert.ok(files.includes(join("test", "protocol", "errors-catalogue.test.ts")), "the scan covers the tests");
    const found = files.flatMap((f) => (statSync(join(ROOT, f)).size > 2_000_000 ? [] : violations(f, readFileSync(join(ROOT, f), "utf8"))));
    assert.deepEqual(found, []);
  });

  it("self-contained: every relative link in README.md and docs/ names a file of the repository", () => {
    const markdown = ["README.md", ...filesUnder("docs").filter((f) => f.endsWith(".md"))];
    const broken: string[] = [];
    for (const file of markdown) {
      const text = readFileSync(join(ROOT, file), "utf8");
      for (const m of text.matchAll(/\]\(([^)\s#]+)(?:#[^)\s]*)?\)/g)) {
        const target = m[1]!;
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, …
        if (!existsSync(resolve(ROOT, dirname(file), target))) broken.push(`${file}: ${target}`);
      }
    }
    assert.deepEqual(broken, []);
  });
});
