/**
 * EC2 filter-value wildcards (`*` any run, `?` one character, `\` escapes), matched without regular
 * expressions so that no value can make matching backtrack for minutes or overflow a regex compiler.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { globMatcher } from "../../src/domain/network/filters.js";

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
