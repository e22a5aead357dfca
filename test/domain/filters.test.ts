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

  it("filters: matching 200 adversarial values over 20 groups costs at most groups × total value length × attribute length steps", () => {
    const meter = { steps: 0 };
    const values = adversarial(200);
    const compiled = compileFilters(table, [{ Name: "description", Values: values }], undefined, meter);
    const groups = Array.from({ length: 20 }, (_, i) => ({ description: `${"a".repeat(250)}${i % 10}` }));
    for (const g of groups) assert.equal(compiled.matches(g), false);
    const totalValueLength = values.reduce((n, v) => n + v.length, 0);
    assert.ok(meter.steps > 0);
    assert.ok(meter.steps <= groups.length * totalValueLength * 256, `${meter.steps} steps`);
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
