/**
 * One port, three services (docs/wire-protocol.md, One port, three services): a signed request goes to
 * the service
 * named in its credential scope whatever its `Action` or `Version` say; an unsigned one is routed by
 * `Version`. The endpoint may carry a path prefix: the signature covers the path as received.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DescribeClustersCommand, RedshiftClient } from "@aws-sdk/client-redshift";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { ManualClock } from "../../src/index.js";
import { GRANTOR, rawPost, startServer } from "../helpers.js";
import { AKID, SECRET, elementText, errorCode, send, sendSigned, sign } from "./signing.js";

const EC2_ERROR = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<Response><Errors><Error>/;
const REDSHIFT_ERROR = /^<ErrorResponse xmlns="http:\/\/redshift\.amazonaws\.com\/doc\/2012-12-01\/">/;
const CREDENTIALS = [{ accessKeyId: AKID, secretAccessKey: SECRET, accountId: GRANTOR }];

describe("routing by signing name", () => {
  it("routing: CreateTags (in both APIs) signed for ec2 goes to EC2, signed for redshift to Redshift", async () => {
    await using rs = await startServer();
    const signingDate = new Date();
    const toEc2 = await sendSigned(rs.url, "Action=CreateTags&ResourceId.1=vpc-1&Tag.1.Key=k&Tag.1.Value=v", { service: "ec2", signingDate });
    assert.match(toEc2.text, EC2_ERROR);
    assert.equal(errorCode(toEc2.text), "InvalidVpcID.NotFound", "EC2's CreateTags looked the VPC up");
    const toRedshift = await sendSigned(rs.url, "Action=CreateTags&ResourceName=arn:aws:redshift:us-east-1:1:cluster:c&Tags.Tag.1.Key=k", { service: "redshift", signingDate });
    assert.match(toRedshift.text, REDSHIFT_ERROR);
    assert.equal(errorCode(toRedshift.text), "InvalidParameterValue", "Redshift's CreateTags refused the ARN's account");
  });

  it("routing: the signing name beats Version: ec2-signed with Redshift's Version answers in EC2's envelope", async () => {
    await using rs = await startServer();
    const res = await sendSigned(rs.url, "Action=CreateTags&Version=2012-12-01", { service: "ec2", signingDate: new Date() });
    assert.equal(res.status, 400, res.text);
    assert.match(res.text, EC2_ERROR);
    assert.equal(errorCode(res.text), "NoSuchVersion");
  });

  it("routing: the signing name beats Version: redshift-signed with EC2's Version is refused by Redshift", async () => {
    await using rs = await startServer();
    const res = await sendSigned(rs.url, "Action=RunInstances&Version=2016-11-15", { service: "redshift", signingDate: new Date() });
    assert.equal(res.status, 400, res.text);
    assert.match(res.text, REDSHIFT_ERROR);
    assert.equal(errorCode(res.text), "NoSuchVersion");
  });

  it("routing: a signed request needs no Version (the scope names the service)", async () => {
    await using rs = await startServer();
    const res = await sendSigned(rs.url, "Action=GetCallerIdentity", { service: "sts", signingDate: new Date(), key: { accessKeyId: GRANTOR, secretAccessKey: "x" } });
    assert.equal(res.status, 200, res.text);
    assert.equal(elementText(res.text, "Account"), GRANTOR);
  });

  it("routing: a request signed for a service that is not emulated is 501 NotImplemented naming it and the emulated ones, in the generic envelope", async () => {
    await using rs = await startServer();
    for (const service of ["s3", "iam", "redshift-serverless"]) {
      const res = await sendSigned(rs.url, "Action=ListBuckets&Version=2006-03-01", { service, signingDate: new Date() });
      assert.equal(res.status, 501, res.text);
      assert.equal(errorCode(res.text), "NotImplemented");
      assert.match(res.text, /^<ErrorResponse><Error><Type>Receiver<\/Type>/, "awsQuery's generic envelope, without a namespace of ours");
      const message = elementText(res.text, "Message") ?? "";
      assert.ok(message.includes(`'${service}'`), `names the service: ${message}`);
      assert.match(message, /redshift, ec2, sts/);
    }
  });

  it("routing: in strict mode a request for a service that is not emulated is refused for its signature first", async () => {
    const clock = new ManualClock(Date.now());
    await using rs = await startServer({ auth: "strict", credentials: CREDENTIALS, clock });
    const signingDate = new Date(clock.now());
    const body = "Action=ListBuckets&Version=2006-03-01";
    const unsigned = await rawPost(rs.url, body);
    assert.equal(unsigned.status, 403);
    assert.equal(errorCode(unsigned.text), "MissingAuthenticationToken");
    const unknownKey = await sendSigned(rs.url, body, { service: "s3", signingDate, key: { accessKeyId: "AKIAUNKNOWN", secretAccessKey: SECRET } });
    assert.equal(errorCode(unknownKey.text), "InvalidClientTokenId");
    const badSecret = await sendSigned(rs.url, body, { service: "s3", signingDate, key: { accessKeyId: AKID, secretAccessKey: "wrong" } });
    assert.equal(badSecret.status, 403);
    assert.equal(errorCode(badSecret.text), "SignatureDoesNotMatch");
    const signed = await sendSigned(rs.url, body, { service: "s3", signingDate });
    assert.equal(signed.status, 501, signed.text);
    assert.equal(errorCode(signed.text), "NotImplemented");
  });
});

describe("routing unsigned requests by Version", () => {
  it("routing: unsigned 2012-12-01 → Redshift, 2016-11-15 → EC2, 2011-06-15 → STS", async () => {
    await using rs = await startServer({ defaultAccount: "121212121212" });
    // CreateTags exists in both APIs with different required members: each service's own validation answers.
    const redshift = await rawPost(rs.url, "Action=CreateTags&Version=2012-12-01");
    assert.match(redshift.text, REDSHIFT_ERROR);
    assert.equal(errorCode(redshift.text), "MissingParameter");
    assert.match(redshift.text, /ResourceName/);
    const ec2 = await rawPost(rs.url, "Action=CreateTags&Version=2016-11-15");
    assert.match(ec2.text, EC2_ERROR);
    assert.equal(errorCode(ec2.text), "MissingParameter");
    assert.match(ec2.text, /Resources/);
    const sts = await rawPost(rs.url, "Action=GetCallerIdentity&Version=2011-06-15");
    assert.equal(sts.status, 200);
    assert.match(sts.text, /^<GetCallerIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><GetCallerIdentityResult>/);
    assert.equal(elementText(sts.text, "Account"), "121212121212");
  });

  it("routing: an unsigned request without Version is a 400 naming Version", async () => {
    await using rs = await startServer();
    const res = await rawPost(rs.url, "Action=DescribeClusters");
    assert.equal(res.status, 400);
    assert.equal(errorCode(res.text), "MissingParameter");
    assert.match(res.text, /Version/);
  });

  it("routing: GET query parameters are served like a form body", async () => {
    await using rs = await startServer({ defaultAccount: "121212121212" });
    const res = await fetch(`${rs.url}/?Action=GetCallerIdentity&Version=2011-06-15`);
    assert.equal(res.status, 200);
    assert.equal(elementText(await res.text(), "Account"), "121212121212");
  });
});

describe("endpoint with a path prefix", () => {
  it("routing: the SDKs work against http://host:port/pre/fix in strict mode (signature over the received path)", async () => {
    await using rs = await startServer({ auth: "strict", credentials: CREDENTIALS });
    const config = { endpoint: `${rs.url}/pre/fix`, region: "eu-central-1", credentials: { accessKeyId: AKID, secretAccessKey: SECRET }, maxAttempts: 1 };
    const out = await new STSClient(config).send(new GetCallerIdentityCommand({}));
    assert.equal(out.Account, GRANTOR);
    const clusters = await new RedshiftClient(config).send(new DescribeClustersCommand({}));
    assert.deepEqual(clusters.Clusters, []);
  });

  it("routing: a percent-encoded prefix is verified double-encoded, and a different path fails the signature", async () => {
    const clock = new ManualClock(Date.parse("2030-01-01T00:00:00Z"));
    await using rs = await startServer({ auth: "strict", credentials: CREDENTIALS, clock });
    const signingDate = new Date(clock.now());
    const body = "Action=GetCallerIdentity&Version=2011-06-15";
    const ok = await sendSigned(rs.url, body, { service: "sts", signingDate }, { path: "/my%20prefix/" });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(elementText(ok.text, "Account"), GRANTOR);

    // Signed for one path, sent to another: the oracle signs /a/, node:http sends /b/.
    const signed = await sign(rs.url, { path: "/a/", headers: { "content-type": "application/x-www-form-urlencoded" }, body }, { service: "sts", signingDate });
    const moved = await send(rs.url, { ...signed, path: "/b/" });
    assert.equal(moved.status, 403);
    assert.equal(errorCode(moved.text), "SignatureDoesNotMatch");
  });
});
