/**
 * EC2 filter-value wildcards (`*` any run, `?` one character, `\` escapes), matched without regular
 * expressions so that no value can make matching backtrack for minutes or overflow a regex compiler.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compileFilters, globMatcher } from "../../src/domain/network/filters.js";

describe("EC2 filter wildcards", () => {
  const cases: [pattern: string, text: string, expected: boolean][] = [
    ["vpc-1", "vpc-1", true],
    ["vpc-1", "vpc-12", false],
    ["vpc-*", "vpc-0abc", true],
    ["vpc-*", "vpc-", true],
    ["*", "", true],
    ["?", "", false],
    ["?", "é", true],
    ["??", "🚀", false],
    ["a?c", "abc", true],
    ["*aab", "aaab", true],
    ["*a*b*c", "xaybzc", true],
    ["*a*b*c", "xaybz", false],
    ["a**b", "ab", true],
    ["\\*", "*", true],
    ["\\*", "x", false],
    ["a\\?", "a?", true],
    ["a\\?", "ab", false],
    ["\\\\", "\\", true],
    ["a\\b", "a\\b", true],
    ["10.0.*.0/24", "10.0.1.0/24", true],
    ["[a-z]+", "[a-z]+", true],
    ["[a-z]+", "abc", false],
  ];
  for (const [pattern, text, expected] of cases) {
    it(`filters: '${pattern}' ${expected ? "matches" : "does not match"} '${text}'`, () => {
      assert.equal(globMatcher(pattern)(text), expected);
    });
  }

  it("filters: a value of many stars against a long attribute fails without backtracking, and a huge one is accepted", () => {
    assert.equal(globMatcher(`${"*a".repeat(40)}*b`)("a".repeat(256)), false);
    assert.equal(globMatcher(`${"*a".repeat(40)}*`)("a".repeat(256)), true);
    assert.equal(globMatcher("*a".repeat(500_000))("a".repeat(256)), false);
  });
});

describe("EC2 filter work", () => {
  interface Group {
    readonly description: string;
  }
  const table = { description: { values: (g: Group) => [g.description] } };
  const adversarial = (count: number): string[] => Array.from({ length: count }, (_, i) => `*${"a".repeat(120)}b${i}`);

  it("filters: more than 200 values in one call is FilterLimitExceeded, counted over all filters", () => {
    assert.throws(() => compileFilters(table, [{ Name: "description", Values: adversarial(201) }]), { name: "FilterLimitExceeded" });
    assert.throws(() => compileFilters(table, [{ Name: "description", Values: adversarial(150) }, { Name: "description", Values: adversarial(51) }]), {
      name: "FilterLimitExceeded",
    });
    assert.doesNotThrow(() => compileFilters(table, [{ Name: "description", Values: adversarial(200) }]));
  });

  it("filters: matching 200 adversarial values over 20 groups costs at most attribute × ⌈value/32⌉ word steps per value and group", () => {
    const meter = { steps: 0 };
    // Unanchored segments (stars on both sides) take the search path; a greedy walk costs attribute × value each.
    const values = Array.from({ length: 200 }, (_, i) => `*${"a".repeat(120)}b${i}*`);
    const compiled = compileFilters(table, [{ Name: "description", Values: values }], undefined, meter);
    const attribute = 255;
    const groups = Array.from({ length: 20 }, (_, i) => ({ description: `${"a".repeat(attribute - 2)}${String(i).padStart(2, "0")}` }));
    for (const g of groups) assert.equal(compiled.matches(g), false);
    const bound = groups.length * values.reduce((n, v) => n + attribute * Math.ceil(v.length / 32) + v.length, 0);
    assert.ok(meter.steps > 0);
    assert.ok(meter.steps <= bound, `${meter.steps} steps, bound ${bound}`);
  });

  it("filters: groups sharing an attribute value are matched once per call", () => {
    const meter = { steps: 0 };
    const compiled = compileFilters(table, [{ Name: "description", Values: adversarial(200) }], undefined, meter);
    compiled.matches({ description: "a".repeat(250) });
    const once = meter.steps;
    for (let i = 0; i < 1_000; i++) compiled.matches({ description: "a".repeat(250) });
    assert.equal(meter.steps, once, "1,000 more groups with the same description cost no matching");
  });

  it("filters: a value with more fixed characters than the attribute is refused without walking it", () => {
    const meter = { steps: 0 };
    const compiled = compileFilters(table, [{ Name: "description", Values: [`*${"?".repeat(300)}*`, "a".repeat(1_000_000)] }], undefined, meter);
    assert.equal(compiled.matches({ description: "a".repeat(255) }), false);
    assert.equal(meter.steps, 0);
  });
});

describe("EC2 filter wildcards: the segment matcher agrees with a reference", () => {
  /** The reference: the value as an anchored regular expression (fine for these short inputs). */
  function reference(value: string, text: string): boolean {
    let re = "";
    const chars = Array.from(value);
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      if (c === "\\" && i + 1 < chars.length && "*?\\".includes(chars[i + 1]!)) re += `\\${chars[++i]!}`;
      else if (c === "*") re += ".*";
      else if (c === "?") re += ".";
      else re += c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }
    return new RegExp(`^${re}$`, "su").test(text);
  }

  it("filters: 5,000 seeded random values and texts (segments of 1 to 3 words, ?, escapes) match as the reference says", () => {
    let seed = 42;
    const next = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = ["a", "b", "é", "🚀"];
    const word = (len: number): string => Array.from({ length: len }, () => alphabet[next(alphabet.length)]).join("");
    for (let n = 0; n < 5_000; n++) {
      const text = word(next(100));
      const parts = Array.from({ length: 1 + next(4) }, () => {
        const r = next(10);
        if (r < 2) return "*";
        if (r < 3) return "?";
        if (r < 4) return "\\*";
        // Often a piece of the text itself, so that matches are common; long enough for several words.
        const start = next(Math.max(1, text.length));
        return Array.from(text).slice(start, start + next(90)).join("") || word(1 + next(40));
      });
      const value = parts.join("");
      assert.equal(globMatcher(value)(text), reference(value, text), `'${value}' against '${text}'`);
    }
  });

  it("filters: segments longer than one machine word, with ?, are found at their leftmost place", () => {
    const long = "x".repeat(40) + "?" + "y".repeat(40);
    assert.equal(globMatcher(`*${long}*z`)(`${"x".repeat(50)}q${"y".repeat(40)}--z`), true);
    assert.equal(globMatcher(`*${long}*z`)(`${"x".repeat(50)}q${"y".repeat(39)}--z`), false);
    assert.equal(globMatcher(`a*${"b".repeat(70)}*${"b".repeat(70)}`)(`a${"b".repeat(140)}`), true);
    assert.equal(globMatcher(`a*${"b".repeat(70)}*${"b".repeat(70)}`)(`a${"b".repeat(139)}`), false);
  });
});
