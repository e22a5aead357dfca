/**
 * `--auth strict` end to end (docs/differences-from-aws.md, Accounts, regions and credentials): the
 * official SDKs sign correctly and are served; every
 * other caller gets AWS's code and status. Requests that need a chosen signing date are signed by
 * the test-time oracle (@smithy/signature-v4) and sent raw, against a ManualClock.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DescribeVpcsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { DescribeClustersCommand, RedshiftClient } from "@aws-sdk/client-redshift";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { ManualClock } from "../../src/index.js";
import { GRANTEE, GRANTOR, expectAwsError, rawPost, startServer } from "../helpers.js";
import { AKID, FORM, SECRET, errorCode, presignUrl, send, sendSigned, sign } from "../wire/signing.js";

const CREDENTIALS = [{ accessKeyId: AKID, secretAccessKey: SECRET, accountId: GRANTOR }];
const STS_BODY = "Action=GetCallerIdentity&Version=2011-06-15";

function sdk(url: string, accessKeyId = AKID, secretAccessKey = SECRET) {
  const config = { endpoint: url, region: "us-east-1", credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 };
  return { redshift: new RedshiftClient(config), ec2: new EC2Client(config), sts: new STSClient(config) };
}

describe("strict mode through the SDKs", () => {
  it("strict: a correctly signed STS call succeeds as the key's configured account", async () => {
    await using rs = await startServer({ auth: "strict", credentials: CREDENTIALS });
    const out = await sdk(rs.url).sts.send(new GetCallerIdentityCommand({}));
    assert.equal(out.Account, GRANTOR);
    assert.equal(out.UserId, AKID);
  });

  it("strict: a correctly signed Redshift call succeeds", async () => {
    await using rs = await startServer({ auth: "strict", credentials: CREDENTIALS });
    const out = await sdk(rs.url).redshift.send(new DescribeClustersCommand({}));
    assert.deepEqual(out.Clusters, []);
  });

  it("strict: a correctly signed EC2 call succeeds", async () => {
    await using rs = await startServer({ auth: "strict", credentials: CREDENTIALS });
    const out = await sdk(rs.url).ec2.send(new DescribeVpcsCommand({}));
    assert.ok(Array.isArray(out.Vpcs));
  });

  it("strict: a wrong secret is SignatureDoesNotMatch (403) for every service", async () => {
    await using rs = await startServer({ auth: "strict", credentials: CREDENTIALS });
    const c = sdk(rs.url, AKID, "not-the-secret");
    await expectAwsError(c.sts.send(new GetCallerIdentityCommand({})), "SignatureDoesNotMatch", 403);
    await expectAwsError(c.redshift.send(new DescribeClustersCommand({})), "SignatureDoesNotMatch", 403);
    await expectAwsError(c.ec2.send(new DescribeVpcsCommand({})), "SignatureDoesNotMatch", 403);
  });

  it("strict: a key not listed in the credentials is InvalidClientTokenId (403), even a 12-digit one", async () => {
    await using rs = await startServer({ auth: "strict", credentials: CREDENTIALS });
    await expectAwsError(sdk(rs.url, GRANTEE, "test").sts.send(new GetCallerIdentityCommand({})), "InvalidClientTokenId", 403);
    await expectAwsError(sdk(rs.url, "AKIAUNLISTED", "x").redshift.send(new DescribeClustersCommand({})), "InvalidClientTokenId", 403);
    await expectAwsError(sdk(rs.url, "AKIAUNLISTED", "x").ec2.send(new DescribeVpcsCommand({})), "InvalidClientTokenId", 403);
  });
});

describe("strict mode with raw requests", () => {
  it("strict: an unsigned request is MissingAuthenticationToken (403) in the routed service's envelope", async () => {
    await using rs = await startServer({ auth: "strict", credentials: CREDENTIALS });
    const redshift = await rawPost(rs.url, "Action=DescribeClusters&Version=2012-12-01");
    assert.equal(redshift.status, 403);
    assert.equal(errorCode(redshift.text), "MissingAuthenticationToken");
    assert.match(redshift.text, /^<ErrorResponse xmlns="http:\/\/redshift\.amazonaws\.com\/doc\/2012-12-01\/">/);
    const ec2 = await rawPost(rs.url, "Action=DescribeVpcs&Version=2016-11-15");
    assert.equal(ec2.status, 403);
    assert.equal(errorCode(ec2.text), "MissingAuthenticationToken");
    assert.match(ec2.text, /<Response><Errors><Error>/);
  });

  it("strict: a malformed Authorization header is IncompleteSignature (400)", async () => {
    await using rs = await startServer({ auth: "strict", credentials: CREDENTIALS });
    const res = await rawPost(rs.url, "Action=DescribeClusters&Version=2012-12-01", {
      authorization: "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/us-east-1/redshift/aws4_request",
      "x-amz-date": "20240501T123456Z",
    });
    assert.equal(res.status, 400);
    assert.equal(errorCode(res.text), "IncompleteSignature");
  });

  it("strict: a signature more than 15 minutes from the server clock is RequestExpired (400), either side", async () => {
    const clock = new ManualClock(Date.parse("2030-01-01T00:00:00Z"));
    await using rs = await startServer({ auth: "strict", credentials: CREDENTIALS, clock });
    for (const signedAt of ["2030-01-01T00:15:01Z", "2029-12-31T23:44:59Z", "2031-06-01T00:00:00Z"]) {
      const res = await sendSigned(rs.url, STS_BODY, { service: "sts", signingDate: new Date(signedAt) });
      assert.equal(res.status, 400, `signed at ${signedAt}`);
      assert.equal(errorCode(res.text), "RequestExpired");
    }
  });

  it("strict: a signature within 15 minutes of the server clock is accepted", async () => {
    const clock = new ManualClock(Date.parse("2030-01-01T00:00:00Z"));
    await using rs = await startServer({ auth: "strict", credentials: CREDENTIALS, clock });
    for (const signedAt of ["2030-01-01T00:14:59Z", "2029-12-31T23:45:01Z"]) {
      const res = await sendSigned(rs.url, STS_BODY, { service: "sts", signingDate: new Date(signedAt) });
      assert.equal(res.status, 200, `signed at ${signedAt}: ${res.text}`);
      assert.match(res.text, new RegExp(`<Account>${GRANTOR}</Account>`));
    }
  });

  it("strict: a JS-SDK-shaped request whose body differs from x-amz-content-sha256 is SignatureDoesNotMatch", async () => {
    const clock = new ManualClock(Date.parse("2030-01-01T00:00:00Z"));
    await using rs = await startServer({ auth: "strict", credentials: CREDENTIALS, clock });
    const signed = await sign(
      rs.url,
      { method: "POST", headers: { "content-type": FORM }, body: STS_BODY },
      { service: "sts", signingDate: new Date(clock.now()), contentSha256: true },
    );
    assert.equal((await send(rs.url, signed)).status, 200);
    const tampered = await send(rs.url, { ...signed, body: STS_BODY + "&X=1" });
    assert.equal(tampered.status, 403);
    assert.equal(errorCode(tampered.text), "SignatureDoesNotMatch");
  });

  it("strict: a presigned GET URL is accepted until it expires, then RequestExpired", async () => {
    const clock = new ManualClock(Date.parse("2030-01-01T00:00:00Z"));
    await using rs = await startServer({ auth: "strict", credentials: CREDENTIALS, clock });
    const url = await presignUrl(rs.url, { Action: "GetCallerIdentity", Version: "2011-06-15" }, { service: "sts", signingDate: new Date(clock.now()), expiresIn: 300 });
    assert.match(url, /X-Amz-Signature=[0-9a-f]{64}/);
    const ok = await fetch(url);
    const okText = await ok.text();
    assert.equal(ok.status, 200, okText);
    assert.match(okText, new RegExp(`<Account>${GRANTOR}</Account>`));

    clock.advance(300_000);
    assert.equal((await fetch(url)).status, 200, "still valid at exactly X-Amz-Date + X-Amz-Expires");
    clock.advance(1_000);
    const expired = await fetch(url);
    const expiredText = await expired.text();
    assert.equal(expired.status, 400);
    assert.equal(errorCode(expiredText), "RequestExpired");
  });

  it("strict: a presigned URL with a changed parameter is SignatureDoesNotMatch", async () => {
    const clock = new ManualClock(Date.parse("2030-01-01T00:00:00Z"));
    await using rs = await startServer({ auth: "strict", credentials: CREDENTIALS, clock });
    const url = await presignUrl(rs.url, { Action: "GetCallerIdentity", Version: "2011-06-15" }, { service: "sts", signingDate: new Date(clock.now()), expiresIn: 60 });
    const res = await fetch(url.replace("Action=GetCallerIdentity", "Action=GetSessionToken"));
    assert.equal(res.status, 403);
    assert.equal(errorCode(await res.text()), "SignatureDoesNotMatch");
  });
});

describe("strict mode: the admin reset route", () => {
  const resetPath = "/_redshift-local/reset";

  it("strict: /_redshift-local/reset is refused unsigned, with an unknown key or a bad signature", async () => {
    const clock = new ManualClock(Date.parse("2030-01-01T00:00:00Z"));
    await using rs = await startServer({ auth: "strict", credentials: CREDENTIALS, clock });
    const signingDate = new Date(clock.now());

    const unsigned = await send(rs.url, { method: "POST", path: resetPath, body: "" });
    assert.equal(unsigned.status, 403);
    assert.equal((JSON.parse(unsigned.text) as { error: string }).error, "MissingAuthenticationToken");

    const unknown = await send(rs.url, await sign(rs.url, { method: "POST", path: resetPath, body: "" }, { service: "redshift", signingDate, key: { accessKeyId: GRANTEE, secretAccessKey: "x" } }));
    assert.equal(unknown.status, 403);
    assert.equal((JSON.parse(unknown.text) as { error: string }).error, "InvalidClientTokenId");

    const badSecret = await send(rs.url, await sign(rs.url, { method: "POST", path: resetPath, body: "" }, { service: "redshift", signingDate, key: { accessKeyId: AKID, secretAccessKey: "wrong" } }));
    assert.equal(badSecret.status, 403);
    assert.equal((JSON.parse(badSecret.text) as { error: string }).error, "SignatureDoesNotMatch");
  });

  it("strict: /_redshift-local/reset succeeds when signed by a configured key", async () => {
    const clock = new ManualClock(Date.parse("2030-01-01T00:00:00Z"));
    await using rs = await startServer({ auth: "strict", credentials: CREDENTIALS, clock });
    const res = await send(rs.url, await sign(rs.url, { method: "POST", path: resetPath, body: "" }, { service: "redshift", signingDate: new Date(clock.now()) }));
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(JSON.parse(res.text), { status: "reset" });
  });
});
