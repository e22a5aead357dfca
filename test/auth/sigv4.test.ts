/**
 * SigV4 primitives (src/auth/sigv4.ts) against AWS's published vectors: the IAM ListUsers example of
 * the IAM user guide ("Create a signed AWS API request": 20150830T123600Z, signature 5d672d79…) and
 * cases of AWS's "Signature Version 4 test suite" (service `service`, same key and date), each run
 * through the full verifier so a wrong canonical URI, query, header folding or key derivation fails.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  SigningKeyCache,
  canonicalHeaders,
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  formatAmzDate,
  parseAmzDate,
  sha256Hex,
  signatureHex,
  stringToSign,
  uriEncode,
} from "../../src/auth/sigv4.js";
import { AKID, SECRET } from "../wire/signing.js";
import { KEY_ACCOUNT, authenticator, expectAuthError, signedRequest, tamperSignature, type RequestParts } from "./requests.js";

const SUITE_DATE = Date.parse("2015-08-30T12:36:00Z");

describe("SigV4: the AWS documentation example (IAM ListUsers)", () => {
  const parts = {
    method: "GET",
    rawPath: "/",
    canonicalQuery: canonicalQuery("Action=ListUsers&Version=2010-05-08"),
    rawHeaders: ["Host", "iam.amazonaws.com", "Content-Type", "application/x-www-form-urlencoded; charset=utf-8", "X-Amz-Date", "20150830T123600Z"],
    signedHeaders: ["content-type", "host", "x-amz-date"],
    payloadHash: sha256Hex(""),
  };

  it("SigV4: the canonical request hashes to AWS's published value", () => {
    const text = canonicalRequest(parts);
    assert.equal(
      text,
      "GET\n/\nAction=ListUsers&Version=2010-05-08\ncontent-type:application/x-www-form-urlencoded; charset=utf-8\nhost:iam.amazonaws.com\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    assert.equal(sha256Hex(text), "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
  });

  it("SigV4: derives AWS's published signing key and signature", () => {
    const key = new SigningKeyCache().get(SECRET, "20150830", "us-east-1", "iam");
    assert.equal(key.toString("hex"), "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
    const toSign = stringToSign("20150830T123600Z", "20150830/us-east-1/iam/aws4_request", canonicalRequest(parts));
    assert.equal(toSign, "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\nf536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
    assert.equal(signatureHex(key, toSign), "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
  });

  it("SigV4: the verifier accepts the documented request and rejects a one-digit change", () => {
    const authorization =
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
    const request = (auth: string) =>
      signedRequest({
        method: "GET",
        query: "Action=ListUsers&Version=2010-05-08",
        headers: [
          ["Host", "iam.amazonaws.com"],
          ["Content-Type", "application/x-www-form-urlencoded; charset=utf-8"],
          ["X-Amz-Date", "20150830T123600Z"],
          ["Authorization", auth],
        ],
      });
    const auth = authenticator("strict");
    const identity = auth.authenticate(request(authorization), SUITE_DATE);
    assert.deepEqual(identity, { account: KEY_ACCOUNT, region: "us-east-1", signingName: "iam", accessKeyId: AKID });
    expectAuthError(() => auth.authenticate(request(tamperSignature(authorization)), SUITE_DATE), "SignatureDoesNotMatch", 403);
  });
});

interface SuiteCase extends RequestParts {
  readonly name: string;
  readonly authorization: string;
}

const H = (...pairs: [string, string][]): [string, string][] => [["Host", "example.amazonaws.com"], ...pairs, ["X-Amz-Date", "20150830T123600Z"]];
const AUTH = (signedHeaders: string, signature: string) =>
  `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=${signedHeaders}, Signature=${signature}`;

/** Cases of AWS's SigV4 test suite, with the headers as they arrive on the wire. */
const SUITE: SuiteCase[] = [
  { name: "get-vanilla", method: "GET", headers: H(), authorization: AUTH("host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31") },
  {
    name: "get-header-key-duplicate (three My-Header1 lines fold into one, in order, joined by ',')",
    method: "GET",
    headers: H(["My-Header1", "value2"], ["My-Header1", "value2"], ["My-Header1", "value1"]),
    authorization: AUTH("host;my-header1;x-amz-date", "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"),
  },
  {
    name: "get-header-value-order (occurrence order is kept, not sorted)",
    method: "GET",
    headers: H(["My-Header1", "value4"], ["My-Header1", "value1"], ["My-Header1", "value3"], ["My-Header1", "value2"]),
    authorization: AUTH("host;my-header1;x-amz-date", "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01"),
  },
  {
    name: "get-header-value-trim (outer space trimmed, inner runs folded)",
    method: "GET",
    headers: H(["My-Header1", " value1"], ["My-Header2", ' "a   b   c"']),
    authorization: AUTH("host;my-header1;my-header2;x-amz-date", "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"),
  },
  {
    name: "get-unreserved (unreserved path characters stay as they are)",
    method: "GET",
    path: "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    headers: H(),
    authorization: AUTH("host;x-amz-date", "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"),
  },
  {
    name: "get-utf8 (a non-ASCII path is UTF-8 percent-encoded)",
    method: "GET",
    path: "/ሴ",
    headers: H(),
    authorization: AUTH("host;x-amz-date", "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"),
  },
  {
    name: "get-vanilla-query-order-key-case (parameters sorted by key)",
    method: "GET",
    query: "Param2=value2&Param1=value1",
    headers: H(),
    authorization: AUTH("host;x-amz-date", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
  },
  {
    name: "get-vanilla-query-unreserved",
    method: "GET",
    query: "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    headers: H(),
    authorization: AUTH("host;x-amz-date", "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"),
  },
  {
    name: "get-vanilla-utf8-query (a percent-encoded UTF-8 key is re-encoded identically)",
    method: "GET",
    query: "%E1%88%B4=bar",
    headers: H(),
    authorization: AUTH("host;x-amz-date", "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"),
  },
  {
    name: "post-vanilla-query",
    query: "Param1=value1",
    headers: H(),
    authorization: AUTH("host;x-amz-date", "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"),
  },
  {
    name: "post-header-value-case (header values keep their case)",
    headers: H(["My-Header1", "VALUE1"]),
    authorization: AUTH("host;my-header1;x-amz-date", "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d"),
  },
  {
    name: "post-sts-header-before (a signed session token)",
    headers: H([
      "X-Amz-Security-Token",
      "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==",
    ]),
    authorization: AUTH("host;x-amz-date;x-amz-security-token", "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead"),
  },
  {
    name: "post-x-www-form-urlencoded (the body is hashed)",
    headers: H(["Content-Type", "application/x-www-form-urlencoded"]),
    body: "Param1=value1",
    authorization: AUTH("content-type;host;x-amz-date", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"),
  },
  {
    name: "post-x-www-form-urlencoded-parameters",
    headers: H(["Content-Type", "application/x-www-form-urlencoded; charset=utf8"]),
    body: "Param1=value1",
    authorization: AUTH("content-type;host;x-amz-date", "1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe"),
  },
];

describe("SigV4: AWS's Signature Version 4 test suite through the verifier", () => {
  for (const c of SUITE) {
    it(`SigV4 suite ${c.name}: accepted, and rejected with one signature digit changed`, () => {
      const auth = authenticator("strict");
      const request = (authorization: string) => signedRequest({ ...c, headers: [...c.headers, ["Authorization", authorization]] });
      const identity = auth.authenticate(request(c.authorization), SUITE_DATE);
      assert.equal(identity.accessKeyId, AKID);
      assert.equal(identity.signingName, "service");
      expectAuthError(() => auth.authenticate(request(tamperSignature(c.authorization)), SUITE_DATE), "SignatureDoesNotMatch", 403);
    });
  }
});

describe("SigV4: canonical pieces", () => {
  it("canonicalUri: double-encodes the path as received (non-S3 rule)", () => {
    assert.equal(canonicalUri("/pre%20fix/"), "/pre%2520fix/");
    assert.equal(canonicalUri("/a%2Fb"), "/a%252Fb");
    assert.equal(canonicalUri("/caf%C3%A9"), "/caf%25C3%25A9");
  });

  it("canonicalUri: removes '.', '..' and empty segments and keeps a trailing slash", () => {
    assert.equal(canonicalUri("/"), "/");
    assert.equal(canonicalUri("/pre/fix"), "/pre/fix");
    assert.equal(canonicalUri("/pre/fix/"), "/pre/fix/");
    assert.equal(canonicalUri("/a/./b/../c//d"), "/a/c/d");
    assert.equal(canonicalUri("/example/.."), "/");
  });

  it("canonicalQuery: sorts by key then value and encodes RFC 3986 with upper-case hex", () => {
    assert.equal(canonicalQuery("b=2&a=2&a=1"), "a=1&a=2&b=2");
    assert.equal(canonicalQuery("Version=2012-12-01&Action=DescribeClusters"), "Action=DescribeClusters&Version=2012-12-01");
    assert.equal(canonicalQuery("k=a%2fb%20c"), "k=a%2Fb%20c");
    assert.equal(canonicalQuery("k=*!'()~"), "k=%2A%21%27%28%29~");
    assert.equal(canonicalQuery("Caps=1&caps=2"), "Caps=1&caps=2");
  });

  it("canonicalQuery: keeps 'key=' for empty and bare keys and drops the excluded key", () => {
    assert.equal(canonicalQuery("flag&x="), "flag=&x=");
    assert.equal(canonicalQuery("X-Amz-Signature=abc&Action=A", "X-Amz-Signature"), "Action=A");
    assert.equal(canonicalQuery(""), "");
  });

  it("canonicalHeaders: folds duplicates from rawHeaders with ',' (not Node's ', ') and ignores unsigned ones", () => {
    const raw = ["Host", "h:1", "X-Dup", "a", "User-Agent", "ua", "x-dup", "  b   c  ", "X-Amz-Date", "20240501T123456Z"];
    assert.equal(canonicalHeaders(raw, ["host", "x-amz-date", "x-dup"]), "host:h:1\nx-amz-date:20240501T123456Z\nx-dup:a,b c\n");
  });

  it("uriEncode: leaves only A-Z a-z 0-9 - _ . ~ unescaped", () => {
    assert.equal(uriEncode("a b+c/é~*"), "a%20b%2Bc%2F%C3%A9~%2A");
  });

  it("parseAmzDate/formatAmzDate: round-trip the basic ISO format and reject others", () => {
    assert.equal(parseAmzDate("20240501T123456Z"), Date.parse("2024-05-01T12:34:56Z"));
    assert.equal(formatAmzDate(Date.parse("2024-05-01T12:34:56.789Z")), "20240501T123456Z");
    assert.ok(Number.isNaN(parseAmzDate("2024-05-01T12:34:56Z")));
    assert.ok(Number.isNaN(parseAmzDate("20240501T123456")));
    for (const unreal of ["20241301T000000Z", "20240431T000000Z", "20240501T250000Z", "20240501T126000Z", "00000000T000000Z"]) {
      assert.ok(Number.isNaN(parseAmzDate(unreal)), unreal);
    }
    assert.equal(parseAmzDate("20240229T235959Z"), Date.parse("2024-02-29T23:59:59Z"));
  });
});
