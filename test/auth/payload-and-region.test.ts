/**
 * The signature covers the body actually received (UNSIGNED-PAYLOAD is not honoured by Redshift,
 * EC2 or STS), and a credential scope must name an AWS region, in every auth mode.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateClusterCommand, DescribeClustersCommand, RedshiftClient } from "@aws-sdk/client-redshift";
import { ManualClock } from "../../src/index.js";
import { GRANTOR, startServer } from "../helpers.js";
import { AKID, FORM, SECRET, elementText, errorCode, presignUrl, send, sendSigned, sign } from "../wire/signing.js";

const CREDENTIALS = [{ accessKeyId: AKID, secretAccessKey: SECRET, accountId: GRANTOR }];
const STS_BODY = "Action=GetCallerIdentity&Version=2011-06-15";

describe("the signed payload", () => {
  it("strict: a request signed with UNSIGNED-PAYLOAD whose body was swapped for another operation is SignatureDoesNotMatch, and nothing happens", async () => {
    const clock = new ManualClock(Date.now());
    await using rs = await startServer({ auth: "strict", credentials: CREDENTIALS, clock });
    const redshift = new RedshiftClient({ endpoint: rs.url, region: "us-east-1", credentials: { accessKeyId: AKID, secretAccessKey: SECRET }, maxAttempts: 1 });
    await redshift.send(new CreateClusterCommand({ ClusterIdentifier: "c1", NodeType: "ra3.xlplus", NumberOfNodes: 2, MasterUsername: "admin", MasterUserPassword: "Passw0rd1" }));
    const signed = await sign(
      rs.url,
      { method: "POST", headers: { "content-type": FORM, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" }, body: "Action=DescribeClusters&Version=2012-12-01" },
      { service: "redshift", signingDate: new Date(clock.now()) },
    );
    assert.match(String(signed.headers?.authorization), /SignedHeaders=[^,]*x-amz-content-sha256/, "the claim itself is signed");
    const swapped = await send(rs.url, { ...signed, body: "Action=DeleteCluster&Version=2012-12-01&ClusterIdentifier=c1&SkipFinalClusterSnapshot=true" });
    assert.equal(swapped.status, 403, swapped.text);
    assert.equal(errorCode(swapped.text), "SignatureDoesNotMatch");
    assert.deepEqual((await redshift.send(new DescribeClustersCommand({}))).Clusters?.map((c) => [c.ClusterIdentifier, c.ClusterStatus]), [["c1", "available"]]);
  });

  it("strict: requests the SDKs sign (botocore style, JS SDK style with x-amz-content-sha256, presigned GET) still verify", async () => {
    const clock = new ManualClock(Date.now());
    await using rs = await startServer({ auth: "strict", credentials: CREDENTIALS, clock });
    const signingDate = new Date(clock.now());
    for (const contentSha256 of [false, true]) {
      const res = await sendSigned(rs.url, STS_BODY, { service: "sts", signingDate, contentSha256 });
      assert.equal(res.status, 200, res.text);
    }
    const url = await presignUrl(rs.url, { Action: "GetCallerIdentity", Version: "2011-06-15" }, { service: "sts", signingDate, expiresIn: 60 });
    const presigned = await fetch(url);
    assert.equal(presigned.status, 200, await presigned.text());
  });
});

describe("the credential scope's region", () => {
  it("auth: a scope whose region is not an AWS region name is 403 SignatureDoesNotMatch 'Credential should be scoped to a valid region.', in open and strict mode", async () => {
    for (const auth of ["open", "strict"] as const) {
      const clock = new ManualClock(Date.now());
      await using rs = await startServer({ auth, credentials: CREDENTIALS, clock });
      for (const region of ["US-EAST-1", "<img src=x>", "local", "us-east", "useast1", "us-east-1a", "x"]) {
        for (const key of [undefined, { accessKeyId: GRANTOR, secretAccessKey: "x" }]) {
          const res = await sendSigned(rs.url, STS_BODY, { service: "sts", region, signingDate: new Date(clock.now()), ...(key ? { key } : {}) });
          assert.equal(res.status, 403, `${auth} ${region}: ${res.text}`);
          assert.equal(errorCode(res.text), "SignatureDoesNotMatch", `${auth} ${region}`);
          assert.equal(elementText(res.text, "Message"), "Credential should be scoped to a valid region.");
          assert.match(res.text, /^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">/, "in the signed service's envelope");
        }
      }
      const url = await presignUrl(rs.url, { Action: "GetCallerIdentity", Version: "2011-06-15" }, { service: "sts", region: "Us-East-1", signingDate: new Date(clock.now()), expiresIn: 60 });
      const presigned = await fetch(url);
      assert.equal(presigned.status, 403);
      assert.equal(errorCode(await presigned.text()), "SignatureDoesNotMatch");
    }
  });

  it("auth: AWS's region name forms (commercial, GovCloud, China, ISO, new ones) are accepted", async () => {
    const clock = new ManualClock(Date.now());
    await using rs = await startServer({ auth: "strict", credentials: CREDENTIALS, clock });
    for (const region of ["us-east-1", "eu-central-2", "ap-southeast-5", "us-gov-west-1", "cn-north-1", "us-iso-east-1", "us-isob-east-1", "eu-isoe-west-1", "us-isof-south-1", "mx-central-1", "il-central-1"]) {
      const res = await sendSigned(rs.url, STS_BODY, { service: "sts", region, signingDate: new Date(clock.now()) });
      assert.equal(res.status, 200, `${region}: ${res.text}`);
    }
  });
});
