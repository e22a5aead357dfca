/**
 * The verifier (src/auth/authenticate.ts) on deterministic vectors (test/wire/signing.ts, with AWS's documentation example key):
 * TV1 (a botocore-shaped Redshift request) and TV2 (the JS SDK's header set with a session token),
 * plus the policy of open and strict mode and AWS's error codes for malformed auth.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canonicalRequest, sha256Hex } from "../../src/auth/sigv4.js";
import { Params, decodeStructure } from "../../src/protocol/decode.js";
import { list, required, string, structure } from "../../src/protocol/shapes.js";
import { AKID } from "../wire/signing.js";
import { DEFAULT_ACCOUNT, KEY_ACCOUNT, authenticator, expectAuthError, signedRequest, tamperSignature, withHeader } from "./requests.js";

const TV_BODY_BOTOCORE =
  "Action=AuthorizeEndpointAccess&Version=2012-12-01&ClusterIdentifier=my-cluster&Account=210987654321&VpcIds.VpcIdentifier.1=vpc-0a1b2c3d&VpcIds.VpcIdentifier.2=vpc-1b2c3d4e";
const TV_BODY_JS =
  "Action=AuthorizeEndpointAccess&Version=2012-12-01&Account=210987654321&ClusterIdentifier=my-cluster&VpcIds.VpcIdentifier.1=vpc-0a1b2c3d&VpcIds.VpcIdentifier.2=vpc-1b2c3d4e";

const TV1_HEADERS: [string, string][] = [
  ["Host", "127.0.0.1:4566"],
  ["Content-Type", "application/x-www-form-urlencoded; charset=utf-8"],
  ["X-Amz-Date", "20240501T123456Z"],
  [
    "Authorization",
    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/us-east-1/redshift/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=0136570ee371066262dcb6ea01a1dc7bdc7d4aec255abd879b5a5cf7a491bfbe",
  ],
  ["Content-Length", "171"],
];

const TV2_HEADERS: [string, string][] = [
  ["content-type", "application/x-www-form-urlencoded"],
  ["content-length", "171"],
  ["x-amz-user-agent", "aws-sdk-js/3.1168.0"],
  ["user-agent", "aws-sdk-js/3.1168.0 ua/2.1 lang/js md/nodejs#20.20.2 api/redshift#3.1168.0"],
  ["host", "127.0.0.1:4566"],
  ["amz-sdk-invocation-id", "00000000-0000-4000-8000-000000000000"],
  ["amz-sdk-request", "attempt=1; max=3"],
  ["x-amz-date", "20240501T123456Z"],
  ["x-amz-security-token", "FQoGZXIvYXdzEXAMPLETOKEN//+="],
  ["x-amz-content-sha256", "102de14ac12ecf7215c274840253667df2e9c44577f63c2f4bb4309ac8e6467b"],
  [
    "authorization",
    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/us-east-1/redshift/aws4_request, SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;content-length;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-amz-user-agent, Signature=ba7c470048fca5e0d9f4b227af06fd0880e53678477a81dbc9113ea924fd7dd2",
  ],
];

/** Test-local copy of the AuthorizeEndpointAccess input members the vectors carry. */
const AuthorizeInput = structure({
  ClusterIdentifier: string(),
  Account: required(string()),
  VpcIds: list(string(), "VpcIdentifier"),
});

const at = (iso: string) => Date.parse(iso);
const tv1 = (body: string | Buffer = TV_BODY_BOTOCORE, headers = TV1_HEADERS) => signedRequest({ headers, body });
const tv2 = (body: string | Buffer = TV_BODY_JS, headers = TV2_HEADERS) => signedRequest({ headers, body });

describe("TV1: botocore-shaped Redshift request", () => {
  it("TV1: the body and canonical request hash to the published values", () => {
    assert.equal(sha256Hex(TV_BODY_BOTOCORE), "08a8e17b5312999bc50c3de8546299cd4a5e26ed41cc4b2fd5c1fa4774ac50d2");
    const req = tv1();
    const canonical = canonicalRequest({
      method: "POST",
      rawPath: "/",
      canonicalQuery: "",
      rawHeaders: req.rawHeaders,
      signedHeaders: ["content-type", "host", "x-amz-date"],
      payloadHash: sha256Hex(req.body),
    });
    assert.equal(sha256Hex(canonical), "b8e2f73748ab5c23b7a034a942f4b7c6224430f4157dff57678f2daf32fdeece");
  });

  it("TV1: accepted at 12:40 and attributed to the key's account, service redshift, region us-east-1", () => {
    const identity = authenticator("strict").authenticate(tv1(), at("2024-05-01T12:40:00Z"));
    assert.deepEqual(identity, { account: KEY_ACCOUNT, region: "us-east-1", signingName: "redshift", accessKeyId: AKID });
  });

  it("TV1: RequestExpired (400) at 12:50, more than 15 minutes after X-Amz-Date", () => {
    expectAuthError(() => authenticator("strict").authenticate(tv1(), at("2024-05-01T12:50:00Z")), "RequestExpired", 400);
  });

  it("TV1: RequestExpired (400) also when the request is dated more than 15 minutes in the future", () => {
    expectAuthError(() => authenticator("strict").authenticate(tv1(), at("2024-05-01T12:19:00Z")), "RequestExpired", 400);
  });

  it("TV1: an unknown access key is InvalidClientTokenId (403) in strict mode", () => {
    expectAuthError(() => authenticator("strict", false).authenticate(tv1(), at("2024-05-01T12:40:00Z")), "InvalidClientTokenId", 403);
  });

  it("TV1: changing any body byte is SignatureDoesNotMatch (403)", () => {
    const auth = authenticator("strict");
    for (const index of [0, 60, TV_BODY_BOTOCORE.length - 1]) {
      const body = Buffer.from(TV_BODY_BOTOCORE, "utf8");
      body[index] = body[index]! ^ 0x01;
      expectAuthError(() => auth.authenticate(tv1(body), at("2024-05-01T12:40:00Z")), "SignatureDoesNotMatch", 403);
    }
  });

  it("TV1: a changed signed header (Host) is SignatureDoesNotMatch", () => {
    const headers = withHeader(TV1_HEADERS, "Host", "localhost:4566");
    expectAuthError(() => authenticator("strict").authenticate(tv1(TV_BODY_BOTOCORE, headers), at("2024-05-01T12:40:00Z")), "SignatureDoesNotMatch", 403);
  });

  it("TV1: a header whose text before the signature was read before is still checked for its date and signature, with the same errors", () => {
    const strict = authenticator("strict");
    const NOW = at("2024-05-01T12:40:00Z");
    // The first read keeps what the header says before ", Signature=".
    strict.authenticate(tv1(), NOW);
    const authorization = TV1_HEADERS.find(([name]) => name === "Authorization")![1];
    const malformedDate = expectAuthError(() => strict.authenticate(tv1(undefined, withHeader(TV1_HEADERS, "X-Amz-Date", "2024-05-01T12:34:56Z")), NOW), "IncompleteSignature", 400);
    assert.match(malformedDate.message, /X-Amz-Date must be in the ISO8601 basic format/);
    const otherDay = expectAuthError(() => strict.authenticate(tv1(undefined, withHeader(TV1_HEADERS, "X-Amz-Date", "20240502T123456Z")), NOW), "IncompleteSignature", 400);
    assert.match(otherDay.message, /'20240501' != '20240502'/);
    const notHex = expectAuthError(
      () => strict.authenticate(tv1(undefined, withHeader(TV1_HEADERS, "Authorization", authorization.replace(/Signature=.*$/, "Signature=xyz"))), NOW),
      "IncompleteSignature",
      400,
    );
    assert.match(notHex.message, /Signature must be 64 hexadecimal characters/);
    expectAuthError(() => strict.authenticate(tv1(undefined, withHeader(TV1_HEADERS, "Authorization", tamperSignature(authorization))), NOW), "SignatureDoesNotMatch", 403);
    // A Date header instead of X-Amz-Date: read whole, as the first time.
    const dated = TV1_HEADERS.filter(([name]) => name !== "X-Amz-Date").concat([["Date", "Wed, 01 May 2024 12:34:56 GMT"]]);
    expectAuthError(() => strict.authenticate(tv1(undefined, dated), NOW), "SignatureDoesNotMatch", 403);
    assert.deepEqual(strict.authenticate(tv1(), NOW), { account: KEY_ACCOUNT, region: "us-east-1", signingName: "redshift", accessKeyId: AKID });
  });

  it("TV1: decodes to the documented input", () => {
    const input = decodeStructure(AuthorizeInput, new Params(new Map(new URLSearchParams(TV_BODY_BOTOCORE))), "query");
    assert.deepEqual(input, { ClusterIdentifier: "my-cluster", Account: "210987654321", VpcIds: ["vpc-0a1b2c3d", "vpc-1b2c3d4e"] });
  });
});

describe("TV2: JS-SDK-shaped request with a session token", () => {
  it("TV2: accepted at 12:35 with the unsigned user-agent present and the session token signed", () => {
    const identity = authenticator("strict").authenticate(tv2(), at("2024-05-01T12:35:00Z"));
    assert.deepEqual(identity, { account: KEY_ACCOUNT, region: "us-east-1", signingName: "redshift", accessKeyId: AKID });
  });

  it("TV2: changing the unsigned user-agent does not matter", () => {
    const headers = withHeader(TV2_HEADERS, "user-agent", "something-else/1.0");
    assert.equal(authenticator("strict").authenticate(tv2(TV_BODY_JS, headers), at("2024-05-01T12:35:00Z")).accessKeyId, AKID);
  });

  it("TV2: a byte appended to the body is SignatureDoesNotMatch through the x-amz-content-sha256 check", () => {
    const err = expectAuthError(() => authenticator("strict").authenticate(tv2(TV_BODY_JS + "&"), at("2024-05-01T12:35:00Z")), "SignatureDoesNotMatch", 403);
    assert.match(err.message, /x-amz-content-sha256/);
  });

  it("TV2: a changed session token (a signed header) is SignatureDoesNotMatch", () => {
    const headers = withHeader(TV2_HEADERS, "x-amz-security-token", "another-token");
    expectAuthError(() => authenticator("strict").authenticate(tv2(TV_BODY_JS, headers), at("2024-05-01T12:35:00Z")), "SignatureDoesNotMatch", 403);
  });

  it("TV2: decodes to the same input as TV1 although the parameter order differs", () => {
    const decode = (body: string) => decodeStructure(AuthorizeInput, new Params(new Map(new URLSearchParams(body))), "query");
    assert.deepEqual(decode(TV_BODY_JS), decode(TV_BODY_BOTOCORE));
  });
});

describe("Authenticator: modes and malformed auth", () => {
  const NOW = at("2024-05-01T12:40:00Z");
  const withAuth = (authorization: string, date = "20240501T123456Z") =>
    signedRequest({ headers: [["Host", "127.0.0.1:4566"], ["X-Amz-Date", date], ["Authorization", authorization]], body: TV_BODY_BOTOCORE });
  const SIG = "0".repeat(64);

  it("strict: no auth at all is MissingAuthenticationToken (403)", () => {
    expectAuthError(() => authenticator("strict").authenticate(signedRequest({ headers: [["Host", "h"]] }), NOW), "MissingAuthenticationToken", 403);
  });

  it("open: no auth at all is the default account in us-east-1, unrouted", () => {
    const identity = authenticator("open").authenticate(signedRequest({ headers: [["Host", "h"]] }), NOW);
    assert.deepEqual(identity, { account: DEFAULT_ACCOUNT, region: "us-east-1", signingName: undefined, accessKeyId: undefined });
  });

  it("open: an unknown 12-digit key is that account, in the scope's region, without verification", () => {
    const identity = authenticator("open").authenticate(
      withAuth(`AWS4-HMAC-SHA256 Credential=222222222222/20240501/eu-west-1/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=${SIG}`),
      NOW,
    );
    assert.deepEqual(identity, { account: "222222222222", region: "eu-west-1", signingName: "ec2", accessKeyId: "222222222222" });
  });

  it("open: a configured key's bad signature is still SignatureDoesNotMatch", () => {
    expectAuthError(
      () => authenticator("open").authenticate(withAuth(`AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/us-east-1/redshift/aws4_request, SignedHeaders=host;x-amz-date, Signature=${SIG}`), NOW),
      "SignatureDoesNotMatch",
      403,
    );
  });

  const MALFORMED: [string, string, string?][] = [
    ["a non-SigV4 scheme", "AWS AKIDEXAMPLE:c2lnbmF0dXJl"],
    ["a missing Signature", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/us-east-1/redshift/aws4_request, SignedHeaders=host;x-amz-date"],
    ["a missing Credential", `AWS4-HMAC-SHA256 SignedHeaders=host;x-amz-date, Signature=${SIG}`],
    ["a missing SignedHeaders", `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/us-east-1/redshift/aws4_request, Signature=${SIG}`],
    ["a four-part credential scope", `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/us-east-1/aws4_request, SignedHeaders=host;x-amz-date, Signature=${SIG}`],
    ["a scope not ending in aws4_request", `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/us-east-1/redshift/aws5_request, SignedHeaders=host;x-amz-date, Signature=${SIG}`],
    ["a scope date that differs from X-Amz-Date", `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240502/us-east-1/redshift/aws4_request, SignedHeaders=host;x-amz-date, Signature=${SIG}`],
    ["SignedHeaders without host", `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/us-east-1/redshift/aws4_request, SignedHeaders=x-amz-date, Signature=${SIG}`],
    ["a signature that is not 64 hex digits", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/us-east-1/redshift/aws4_request, SignedHeaders=host;x-amz-date, Signature=xyz"],
    ["a malformed X-Amz-Date", `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/us-east-1/redshift/aws4_request, SignedHeaders=host;x-amz-date, Signature=${SIG}`, "2024-05-01T12:34:56Z"],
  ];
  for (const [what, authorization, date] of MALFORMED) {
    it(`IncompleteSignature (400) for ${what}, in strict and open mode alike`, () => {
      for (const mode of ["strict", "open"] as const) {
        expectAuthError(() => authenticator(mode).authenticate(withAuth(authorization, date), NOW), "IncompleteSignature", 400);
      }
    });
  }

  it("IncompleteSignature when neither X-Amz-Date nor Date is present", () => {
    const req = signedRequest({
      headers: [["Host", "h"], ["Authorization", `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/us-east-1/redshift/aws4_request, SignedHeaders=host, Signature=${SIG}`]],
    });
    expectAuthError(() => authenticator("open").authenticate(req, NOW), "IncompleteSignature", 400);
  });

  it("IncompleteSignature never echoes the secret or the full access key", () => {
    const err = expectAuthError(
      () => authenticator("strict").authenticate(withAuth(`AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/us-east-1/redshift/aws4_request, SignedHeaders=host, Signature=${SIG}`), NOW),
      "IncompleteSignature",
      400,
    );
    assert.doesNotMatch(err.message, /AKIDEXAMPLE/);
  });

  it("presigned: IncompleteSignature when a required X-Amz-* query parameter is missing", () => {
    const req = signedRequest({
      method: "GET",
      query: "Action=GetCallerIdentity&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20240501%2Fus-east-1%2Fsts%2Faws4_request&X-Amz-Date=20240501T123456Z&X-Amz-SignedHeaders=host&X-Amz-Expires=60",
      headers: [["Host", "h"]],
    });
    expectAuthError(() => authenticator("open").authenticate(req, NOW), "IncompleteSignature", 400);
  });

  it("presigned: IncompleteSignature when X-Amz-Expires is outside 1…604800", () => {
    const req = signedRequest({
      method: "GET",
      query: `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20240501%2Fus-east-1%2Fsts%2Faws4_request&X-Amz-Date=20240501T123456Z&X-Amz-SignedHeaders=host&X-Amz-Expires=604801&X-Amz-Signature=${SIG}`,
      headers: [["Host", "h"]],
    });
    expectAuthError(() => authenticator("open").authenticate(req, NOW), "IncompleteSignature", 400);
  });
});
