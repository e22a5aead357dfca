/**
 * `--auth open` (the default, docs/differences-from-aws.md): any credentials are accepted, but the
 * Authorization header
 * must still be well-formed, a configured key's signature is still verified, and a request with no
 * auth at all is the default account in us-east-1.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { GRANTEE, GRANTOR, expectAwsError, rawPost, startServer } from "../helpers.js";
import { AKID, SECRET, elementText, errorCode } from "../wire/signing.js";

const DEFAULT_ACCOUNT = "444455556666";

function sts(url: string, accessKeyId: string, secretAccessKey: string, region = "us-east-1"): STSClient {
  return new STSClient({ endpoint: url, region, credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 });
}

describe("open mode", () => {
  it("open: any non-numeric key with any secret is accepted as the default account", async () => {
    await using rs = await startServer({ defaultAccount: DEFAULT_ACCOUNT });
    const out = await sts(rs.url, "AKIAANYTHING", "whatever-secret").send(new GetCallerIdentityCommand({}));
    assert.equal(out.Account, DEFAULT_ACCOUNT);
    assert.equal(out.UserId, "AKIAANYTHING");
  });

  it("open: a 12-digit key with any secret is that account", async () => {
    await using rs = await startServer({ defaultAccount: DEFAULT_ACCOUNT });
    assert.equal((await sts(rs.url, GRANTEE, "anything").send(new GetCallerIdentityCommand({}))).Account, GRANTEE);
    assert.equal((await sts(rs.url, GRANTEE, "something-else", "eu-west-1").send(new GetCallerIdentityCommand({}))).Account, GRANTEE);
  });

  it("open: a malformed Authorization header is still IncompleteSignature (400)", async () => {
    await using rs = await startServer();
    const res = await rawPost(rs.url, "Action=GetCallerIdentity&Version=2011-06-15", {
      authorization: "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/us-east-1/sts/aws4_request, Signature=abc",
      "x-amz-date": "20240501T123456Z",
    });
    assert.equal(res.status, 400);
    assert.equal(errorCode(res.text), "IncompleteSignature");
    assert.ok(res.headers.get("x-amzn-requestid"));
  });

  it("open: a configured key's signature is verified: wrong secret rejected, right secret served", async () => {
    await using rs = await startServer({ credentials: [{ accessKeyId: AKID, secretAccessKey: SECRET, accountId: GRANTOR }] });
    await expectAwsError(sts(rs.url, AKID, "not-the-secret").send(new GetCallerIdentityCommand({})), "SignatureDoesNotMatch", 403);
    assert.equal((await sts(rs.url, AKID, SECRET).send(new GetCallerIdentityCommand({}))).Account, GRANTOR);
  });

  it("open: a key listed in --credentials is its configured account, even a 12-digit key naming another account", async () => {
    await using rs = await startServer({ defaultAccount: DEFAULT_ACCOUNT, credentials: [{ accessKeyId: GRANTEE, secretAccessKey: SECRET, accountId: GRANTOR }] });
    assert.equal((await sts(rs.url, GRANTEE, SECRET).send(new GetCallerIdentityCommand({}))).Account, GRANTOR);
    await expectAwsError(sts(rs.url, GRANTEE, "anything").send(new GetCallerIdentityCommand({})), "SignatureDoesNotMatch", 403);
  });

  it("open: an unsigned request is served as the default account", async () => {
    await using rs = await startServer({ defaultAccount: DEFAULT_ACCOUNT });
    const res = await rawPost(rs.url, "Action=GetCallerIdentity&Version=2011-06-15");
    assert.equal(res.status, 200, res.text);
    assert.equal(elementText(res.text, "Account"), DEFAULT_ACCOUNT);
  });

  it("open: an unsigned request is served in us-east-1", async () => {
    await using rs = await startServer({ defaultAccount: DEFAULT_ACCOUNT });
    const res = await rawPost(rs.url, "Action=DescribeAvailabilityZones&Version=2016-11-15");
    assert.equal(res.status, 200, res.text);
    const zones = [...res.text.matchAll(/<zoneName>([^<]*)<\/zoneName>/g)].map((m) => m[1]);
    assert.ok(zones.length > 0, "some availability zones are listed");
    for (const zone of zones) assert.match(zone!, /^us-east-1[a-z]$/);
  });
});
