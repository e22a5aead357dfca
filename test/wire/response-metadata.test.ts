/**
 * What every response carries (docs/wire-protocol.md, Responses): the request id in
 * both the `x-amzn-RequestId` header (the JS SDK reads it) and the body (botocore reads it), an
 * accurate `Date` from the server's clock (the JS SDK corrects its skew from it), an exact
 * Content-Length, no compression, and never an empty 200 body.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { ManualClock } from "../../src/index.js";
import { GRANTOR, rawPost, startServer } from "../helpers.js";
import { send } from "./signing.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function requestIdHeader(headers: Headers): string {
  const id = headers.get("x-amzn-requestid");
  assert.ok(id, "x-amzn-RequestId header");
  assert.match(id, UUID);
  return id;
}

describe("wire: request ids", () => {
  it("wire: an awsQuery success carries the header's request id in <ResponseMetadata><RequestId>", async () => {
    await using rs = await startServer();
    const res = await rawPost(rs.url, "Action=GetCallerIdentity&Version=2011-06-15");
    const id = requestIdHeader(res.headers);
    assert.ok(res.text.endsWith(`<ResponseMetadata><RequestId>${id}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`), res.text);
  });

  it("wire: an awsQuery error carries it in <RequestId> directly under <ErrorResponse>", async () => {
    await using rs = await startServer();
    const res = await rawPost(rs.url, "Action=Nope&Version=2012-12-01");
    const id = requestIdHeader(res.headers);
    assert.ok(res.text.endsWith(`</Error><RequestId>${id}</RequestId></ErrorResponse>`), res.text);
  });

  it("wire: an EC2 error carries it in <RequestID>", async () => {
    await using rs = await startServer();
    const res = await rawPost(rs.url, "Action=Nope&Version=2016-11-15");
    const id = requestIdHeader(res.headers);
    assert.ok(res.text.endsWith(`</Errors><RequestID>${id}</RequestID></Response>`), res.text);
  });

  it("wire: an EC2 success carries it in <requestId>, first child of the response", async () => {
    await using rs = await startServer();
    const res = await rawPost(rs.url, "Action=DescribeAvailabilityZones&Version=2016-11-15");
    assert.equal(res.status, 200, res.text);
    const id = requestIdHeader(res.headers);
    assert.match(res.text, new RegExp(`^<\\?xml version="1\\.0" encoding="UTF-8"\\?>\\n<DescribeAvailabilityZonesResponse xmlns="http://ec2\\.amazonaws\\.com/doc/2016-11-15/"><requestId>${id}</requestId>`));
    assert.equal(res.headers.get("content-type"), "text/xml;charset=UTF-8");
  });

  it("wire: every response gets its own request id, and the JS SDK sees the same one", async () => {
    await using rs = await startServer();
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add(requestIdHeader((await rawPost(rs.url, "Action=GetCallerIdentity&Version=2011-06-15")).headers));
    assert.equal(ids.size, 5);
    let seen: string | undefined;
    const sts = new STSClient({ endpoint: rs.url, region: "us-east-1", credentials: { accessKeyId: GRANTOR, secretAccessKey: "x" }, maxAttempts: 1 });
    sts.middlewareStack.add((next) => async (args) => {
      const out = await next(args);
      seen = (out.response as { headers: Record<string, string> }).headers["x-amzn-requestid"];
      return out;
    }, { step: "deserialize", priority: "low" });
    const out = await sts.send(new GetCallerIdentityCommand({}));
    assert.ok(seen);
    assert.equal(out.$metadata.requestId, seen);
  });
});

describe("wire: Date, Content-Length, compression", () => {
  it("wire: the Date header is the server clock (ManualClock), on successes, errors and admin routes", async () => {
    const clock = new ManualClock(Date.parse("2031-02-03T04:05:06.789Z"));
    await using rs = await startServer({ clock });
    const ok = await rawPost(rs.url, "Action=GetCallerIdentity&Version=2011-06-15");
    assert.equal(ok.headers.get("date"), "Mon, 03 Feb 2031 04:05:06 GMT");
    clock.advance(86_400_000 + 1_000);
    const err = await rawPost(rs.url, "Action=Nope&Version=2012-12-01");
    assert.equal(err.headers.get("date"), "Tue, 04 Feb 2031 04:05:07 GMT");
    const health = await fetch(`${rs.url}/_redshift-local/health`);
    assert.equal(health.headers.get("date"), "Tue, 04 Feb 2031 04:05:07 GMT");
  });

  it("wire: Content-Length is the exact UTF-8 byte length, also with non-ASCII text", async () => {
    await using rs = await startServer();
    const res = await send(rs.url, { headers: { "content-type": "application/x-www-form-urlencoded" }, body: "Action=D%C3%A9sol%C3%A9%E2%82%AC&Version=2012-12-01" });
    assert.match(res.text, /Désolé€/);
    assert.equal(Number(res.headers["content-length"]), Buffer.byteLength(res.text, "utf8"));
    assert.equal(res.headers["content-type"], "text/xml");
  });

  it("wire: responses are never compressed, whatever the client accepts", async () => {
    await using rs = await startServer();
    const res = await send(rs.url, { headers: { "content-type": "application/x-www-form-urlencoded", "accept-encoding": "gzip, deflate, br" }, body: "Action=GetCallerIdentity&Version=2011-06-15" });
    assert.equal(res.headers["content-encoding"], undefined);
    assert.match(res.text, /^<GetCallerIdentityResponse /);
  });

  it("wire: an operation without output still answers with a body (Redshift ResponseMetadata, EC2 <return>true</return>)", async () => {
    await using rs = await startServer();
    const vpc = await rawPost(rs.url, "Action=CreateVpc&Version=2016-11-15&CidrBlock=10.9.0.0%2F16");
    assert.equal(vpc.status, 200, vpc.text);
    const vpcId = /<vpcId>(vpc-[0-9a-f]+)<\/vpcId>/.exec(vpc.text)![1]!;
    const subnet = await rawPost(rs.url, `Action=CreateSubnet&Version=2016-11-15&VpcId=${vpcId}&CidrBlock=10.9.1.0%2F24`);
    assert.equal(subnet.status, 200, subnet.text);
    const subnetId = /<subnetId>(subnet-[0-9a-f]+)<\/subnetId>/.exec(subnet.text)![1]!;
    const group = await rawPost(rs.url, `Action=CreateClusterSubnetGroup&Version=2012-12-01&ClusterSubnetGroupName=g1&Description=d&SubnetIds.SubnetIdentifier.1=${subnetId}`);
    assert.equal(group.status, 200, group.text);

    const deleted = await rawPost(rs.url, "Action=DeleteClusterSubnetGroup&Version=2012-12-01&ClusterSubnetGroupName=g1");
    assert.equal(deleted.status, 200, deleted.text);
    const id = requestIdHeader(deleted.headers);
    assert.equal(deleted.text, `<DeleteClusterSubnetGroupResponse xmlns="http://redshift.amazonaws.com/doc/2012-12-01/"><ResponseMetadata><RequestId>${id}</RequestId></ResponseMetadata></DeleteClusterSubnetGroupResponse>`);

    assert.equal((await rawPost(rs.url, `Action=DeleteSubnet&Version=2016-11-15&SubnetId=${subnetId}`)).status, 200);
    const vpcDeleted = await rawPost(rs.url, `Action=DeleteVpc&Version=2016-11-15&VpcId=${vpcId}`);
    assert.equal(vpcDeleted.status, 200, vpcDeleted.text);
    const vpcDeletedId = requestIdHeader(vpcDeleted.headers);
    assert.equal(vpcDeleted.text, `<?xml version="1.0" encoding="UTF-8"?>\n<DeleteVpcResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>${vpcDeletedId}</requestId><return>true</return></DeleteVpcResponse>`);
  });

  it("wire: a 200 always has a body with the operation's Response element", async () => {
    await using rs = await startServer();
    for (const body of ["Action=GetCallerIdentity&Version=2011-06-15", "Action=DescribeClusters&Version=2012-12-01", "Action=DescribeVpcs&Version=2016-11-15"]) {
      const res = await rawPost(rs.url, body);
      assert.equal(res.status, 200, `${body}: ${res.text}`);
      const action = /Action=(\w+)/.exec(body)![1]!;
      assert.match(res.text, new RegExp(`<${action}Response xmlns="[^"]+">`));
      assert.ok(Number(res.headers.get("content-length")) > 0);
    }
  });
});
