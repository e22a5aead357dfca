/**
 * README.md's fenced code blocks, classified for test/readme/readme.test.ts (the convention is
 * documented there). Parsing is line-based CommonMark fences (``` or ~~~, three or more), which is
 * all the README uses.
 */

export type BlockKind = "js" | "ts" | "sh" | "seed";

export interface Block {
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The heading the block is under (`JavaScript SDK (v3)`). */
  readonly section: string;
  /** The info string as written (`js`, `sh no-run`, ``). */
  readonly info: string;
  readonly code: string;
  /** What the test does with it; undefined when it is skipped or not runnable. */
  readonly kind: BlockKind | undefined;
  /** Why the block is not run, when it is marked so. */
  readonly skip: string | undefined;
}

const KINDS: Record<string, BlockKind> = {
  js: "js",
  javascript: "js",
  mjs: "js",
  ts: "ts",
  typescript: "ts",
  sh: "sh",
  bash: "sh",
  shell: "sh",
  yaml: "seed",
  yml: "seed",
  json: "seed",
};

const SKIP_COMMENT = /^<!--\s*readme-test:\s*skip\b\s*(?:\((.*)\))?\s*-->$/;
const FENCE = /^(`{3,}|~{3,})\s*(.*)$/;

/** A closing fence: only the opening's character, at least as many times (CommonMark). */
function closes(line: string, fence: string): boolean {
  const t = line.trim();
  return t.length >= fence.length && t === fence[0]!.repeat(t.length);
}

export function parseBlocks(markdown: string): Block[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: Block[] = [];
  let previous = ""; // the last non-blank line outside a block
  let section = "";
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) {
      if (lines[i]!.trim() !== "") previous = lines[i]!.trim();
      const heading = /^#{1,6}\s+(.*?)\s*#*$/.exec(lines[i]!);
      if (heading) section = heading[1]!;
      continue;
    }
    const fence = open[1]!;
    const info = open[2]!.trim();
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !closes(lines[j]!, fence)) {
      body.push(lines[j]!);
      j++;
    }
    const words = info.split(/\s+/).filter(Boolean);
    const marked = SKIP_COMMENT.exec(previous);
    const skip = marked ? (marked[1] ?? "marked skip") : words.includes("no-run") ? "no-run" : undefined;
    blocks.push({ line: i + 1, section, info, code: body.join("\n") + "\n", kind: KINDS[(words[0] ?? "").toLowerCase()], skip });
    previous = "";
    i = j;
  }
  return blocks;
}

/** Shell words that are not programs to look for on PATH. */
const BUILTINS = new Set(["export", "cd", "set", "unset", "echo", "printf", "test", "[", "true", "false", "read", "source", ".", "exit", "local"]);

/**
 * The programs a shell block runs: the first word of each command line, after leading `VAR=value`
 * assignments; comments and continuation lines (after a trailing backslash) are not commands.
 */
export function programsOf(script: string): string[] {
  const programs = new Set<string>();
  let continued = false;
  for (const raw of script.split("\n")) {
    const line = raw.trim();
    const isContinuation = continued;
    continued = line.endsWith("\\");
    if (isContinuation || line === "" || line.startsWith("#")) continue;
    for (const command of line.split(/\s*(?:&&|\|\||;|\|)\s*/)) {
      const words = command.split(/\s+/).filter(Boolean);
      const first = words.find((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
      if (first !== undefined && !BUILTINS.has(first)) programs.add(first);
    }
  }
  return [...programs];
}

/** The outputs a JS/TS block promises: `console.log(…); // → TEXT`, in order. */
export function expectedOutput(code: string): string[] {
  const out: string[] = [];
  for (const line of code.split("\n")) {
    const m = /^\s*console\.log\(.*\/\/ → (.*)$/.exec(line);
    if (m) out.push(m[1]!.trim());
  }
  return out;
}
