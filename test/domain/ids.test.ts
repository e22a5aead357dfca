/**
 * Generated identifiers (src/domain/ids.ts): random ones drawn from a pool of CSPRNG bytes keep
 * AWS's formats and never repeat across the pool's refills; the account's DNS token is derived, and
 * the same as before; the address suffix built on it is kept.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { accountDnsToken, randomToken, redshiftAddressSuffix, resourceId } from "../../src/domain/ids.js";

describe("identifiers", () => {
  it("resourceId: the prefix and 17 lowercase hex digits, distinct across many refills of the random pool", () => {
    const ids = new Set<string>();
    // 9 bytes each: 5,000 ids take ~11 pools of 4 KiB.
    for (let i = 0; i < 5000; i++) {
      const id = resourceId("vpce");
      assert.match(id, /^vpce-[0-9a-f]{17}$/);
      ids.add(id);
    }
    assert.equal(ids.size, 5000);
  });

  it("randomToken: n characters of [a-z0-9], distinct draws, and a draw larger than what is left of the pool", () => {
    const tokens = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const token = randomToken(20);
      assert.match(token, /^[a-z0-9]{20}$/);
      tokens.add(token);
    }
    assert.equal(tokens.size, 2000);
    assert.match(randomToken(4096), /^[a-z0-9]{4096}$/);
  });

  it("accountDnsToken: derived from account and region, the same each time; the address suffix built on it is kept and equal", () => {
    assert.equal(accountDnsToken("111111111111", "us-east-1"), "32x73ti2fvte");
    assert.equal(accountDnsToken("222222222222", "eu-west-1"), "06ztztvm874a");
    assert.notEqual(accountDnsToken("111111111111", "eu-west-1"), "32x73ti2fvte");
    for (let i = 0; i < 2; i++) {
      assert.equal(redshiftAddressSuffix("111111111111", "us-east-1"), "32x73ti2fvte.us-east-1.redshift.amazonaws.com");
      assert.equal(redshiftAddressSuffix("222222222222", "eu-west-1"), "06ztztvm874a.eu-west-1.redshift.amazonaws.com");
    }
  });
});
