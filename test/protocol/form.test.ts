/**
 * Form decoding (src/protocol/form.ts): WHATWG form semantics, exact refusal of invalid escapes and
 * of escaped bytes that are not UTF-8, and work linear in the body even for hostile bodies.
 * No test asserts on time: the hostile cases would take minutes with a quadratic decoder, and
 * their generous timeout only guards against a hang.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AwsError } from "../../src/domain/errors.js";
import { parseForm } from "../../src/protocol/form.js";

function parse(text: string): Map<string, string> {
  const map = new Map<string, string>();
  parseForm(text, map, true);
  return map;
}

function refused(text: string): AwsError {
  let thrown: unknown;
  try {
    parse(text);
  } catch (err) {
    thrown = err;
  }
  assert.ok(thrown instanceof AwsError, `expected MalformedQueryString, got ${String(thrown)}`);
  assert.equal(thrown.code, "MalformedQueryString");
  assert.equal(thrown.status, 400);
  return thrown;
}

const HOSTILE_TIMEOUT = { timeout: 120_000 };

/**
 * Runs `fn` while counting the characters the string primitives it may use examine or copy
 * (indexOf up to its match, includes and replaceAll over the whole string, slice's copy, and
 * decodeURIComponent's input): a bound on the decoder's work that no machine load can disturb.
 */
function countWork(fn: () => void): number {
  const proto = String.prototype;
  const names = ["indexOf", "includes", "slice", "replaceAll"] as const;
  const saved = new Map(names.map((name) => [name, Object.getOwnPropertyDescriptor(proto, name)!]));
  const call = <T>(name: (typeof names)[number], self: string, args: unknown[]): T =>
    Reflect.apply(saved.get(name)!.value as (...a: unknown[]) => unknown, self, args) as T;
  const decode = globalThis.decodeURIComponent;
  let work = 0;
  const patch = (name: (typeof names)[number], counted: (self: string, args: unknown[]) => unknown) =>
    Object.defineProperty(proto, name, {
      configurable: true,
      writable: true,
      value(this: string, ...args: unknown[]) {
        return counted(String(this), args);
      },
    });
  patch("indexOf", (self, [search, from]) => {
    const at = call<number>("indexOf", self, [search, from]);
    work += (at === -1 ? self.length : at + String(search).length) - Number(from ?? 0);
    return at;
  });
  patch("includes", (self, args) => {
    work += self.length - Number(args[1] ?? 0);
    return call<boolean>("includes", self, args);
  });
  patch("slice", (self, args) => {
    const out = call<string>("slice", self, args);
    work += out.length;
    return out;
  });
  patch("replaceAll", (self, args) => {
    work += self.length;
    return call<string>("replaceAll", self, args);
  });
  globalThis.decodeURIComponent = (text: string) => {
    work += text.length;
    return decode(text);
  };
  try {
    fn();
  } catch {
    // Refusals count too; what is measured is the work done before them.
  } finally {
    for (const [name, descriptor] of saved) Object.defineProperty(proto, name, descriptor);
    globalThis.decodeURIComponent = decode;
  }
  return work;
}

describe("form parsing", () => {
  it("form parsing: '+' and %20 are spaces, %2B a plus, and the first '=' splits name from value", () => {
    assert.deepEqual([...parse("a=x+y&b=x%20y&c=x%2By&d=k=v")], [
      ["a", "x y"],
      ["b", "x y"],
      ["c", "x+y"],
      ["d", "k=v"],
    ]);
  });

  it("form parsing: a later duplicate wins, a name without '=' has an empty value, empty pairs are skipped", () => {
    assert.deepEqual([...parse("&a=1&&b&a=2&=&c=")], [
      ["a", "2"],
      ["b", ""],
      ["", ""],
      ["c", ""],
    ]);
  });

  it("form parsing: names are decoded like values", () => {
    assert.deepEqual([...parse("Tags.Tag.1%2EKey=%C3%A9+t%C3%A9")], [["Tags.Tag.1.Key", "é té"]]);
  });

  it("form parsing: without overwrite, a name already present keeps its value", () => {
    const map = new Map([["a", "query"]]);
    parseForm("a=body&b=2", map, false);
    assert.deepEqual([...map], [
      ["a", "query"],
      ["b", "2"],
    ]);
  });

  it("form parsing: a literal U+FFFD and an escaped U+FFFD (%EF%BF%BD) are valid UTF-8 and accepted", () => {
    assert.deepEqual([...parse("a=\uFFFD&b=%EF%BF%BD&c=x\uFFFDy")], [
      ["a", "\uFFFD"],
      ["b", "\uFFFD"],
      ["c", "x\uFFFDy"],
    ]);
  });

  it("form parsing: an escaped byte that is not UTF-8 is refused even when a literal U+FFFD appears elsewhere", () => {
    assert.match(refused("a=%FF&b=\uFFFD").message, /value of parameter a.*not valid UTF-8/);
    assert.match(refused("b=\uFFFD&a=%FF").message, /value of parameter a.*not valid UTF-8/);
    refused("a=%FF&b=%EF%BF%BD");
    refused("a%FF=1&b=\uFFFD");
  });

  it("form parsing: truncated, overlong and surrogate UTF-8 escapes are refused", () => {
    for (const bad of ["%C3", "%E2%82", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%80", "%C3%28"]) {
      refused(`a=${bad}`);
    }
  });

  it("form parsing: '%' not followed by two hex digits is refused, in names and values", () => {
    for (const bad of ["a=100%", "a=%zz", "a=%4", "a%G=1", "a=%%41"]) {
      assert.match(refused(bad).message, /invalid percent-encoded sequence/, bad);
    }
  });

  it("form parsing: the characters examined stay within a small multiple of the text for hostile shapes", () => {
    const n = 50_000;
    const shapes = {
      "names without '='": "a&".repeat(n),
      "empty pairs": "&".repeat(n),
      "empty names and values": "=&".repeat(n),
      "'=' inside values": "a=b=c=d&".repeat(n),
      "literal U+FFFD values": "a=\uFFFD&".repeat(n),
      "escaped U+FFFD values": "a=%EF%BF%BD&".repeat(n),
      "plus signs": "a=+++++&".repeat(n),
      "one long escaped value": "a=" + "%41+".repeat(n),
      "'%FF' pairs then a literal U+FFFD": "a=%FF&".repeat(n) + "z=\uFFFD",
      "valid pairs then '%FF' and a literal U+FFFD": "a=%C3%A9&".repeat(n) + "z=%FF&y=\uFFFD",
    };
    for (const [shape, text] of Object.entries(shapes)) {
      const work = countWork(() => parse(text));
      assert.ok(work <= 10 * text.length, `${shape}: ${work} characters examined for a text of ${text.length}`);
    }
  });

  it("form parsing: 20,000 '%FF' pairs plus one literal U+FFFD (209 KB) are refused in linear time", HOSTILE_TIMEOUT, () => {
    // The old decoder rescanned the whole text twice per pair (seconds at this size, and let the
    // body through); an exact decoder refuses it at the first pair.
    const body = Array.from({ length: 20_000 }, (_, i) => `a${i}=%FF`).join("&") + "&z=\uFFFD";
    assert.ok(body.length > 200_000);
    refused(body);
    refused("z=\uFFFD&" + body);
  });

  it("form parsing: 1 MiB of '%FF' pairs plus one literal U+FFFD is refused in linear time", HOSTILE_TIMEOUT, () => {
    // Quadratic: about a minute with the old decoder on a quiet machine.
    const pairs: string[] = [];
    let size = 0;
    for (let i = 0; size < 1024 * 1024; i++) {
      pairs.push(`a${i}=%FF`);
      size += pairs[i]!.length + 1;
    }
    refused(pairs.join("&") + "&z=\uFFFD");
  });

  it("form parsing: a 1 MiB hostile body of literal U+FFFD values is accepted in linear time, every pair decoded", HOSTILE_TIMEOUT, () => {
    // Each value holds U+FFFD, so the old decoder rescanned the whole text once per pair; a
    // linear decoder makes one pass and keeps every pair.
    const pairs: string[] = [];
    let size = 0;
    for (let i = 0; size < 1024 * 1024; i++) {
      const pair = `a${i}=\uFFFD`;
      pairs.push(pair);
      size += Buffer.byteLength(pair) + 1;
    }
    const map = parse(pairs.join("&"));
    assert.equal(map.size, pairs.length);
    assert.equal(map.get("a0"), "\uFFFD");
    assert.equal(map.get(`a${pairs.length - 1}`), "\uFFFD");
  });

  it("form parsing: a 1 MiB body of '%FF' pairs, with the bad escape last, is refused in linear time", HOSTILE_TIMEOUT, () => {
    const good = Array.from({ length: 80_000 }, (_, i) => `a${i}=%EF%BF%BD`).join("&");
    assert.ok(good.length > 1024 * 1024);
    assert.equal(parse(good).size, 80_000);
    refused(`${good}&z=%FF&y=\uFFFD`);
  });
});
