/**
 * Errors are written in the envelope of the service the signature names, even when the body cannot
 * be decoded or is too large (read from the credential scope before the body is parsed); and every
 * client-supplied string an answer echoes is escaped, so the XML stays well-formed.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BODY_LIMIT } from "../../src/server/pipeline.js";
import { GRANTOR, rawPost, startServer } from "../helpers.js";
import { FORM, errorCode, presignUrl, send, sendSigned, sign } from "./signing.js";

const EC2_ERROR = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<Response><Errors><Error><Code>[^<]+<\/Code><Message>[^<]*<\/Message><\/Error><\/Errors><RequestID>[0-9a-f-]{36}<\/RequestID><\/Response>$/;
const STS_ERROR = /^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><Error><Type>Sender<\/Type>/;
const REDSHIFT_ERROR = /^<ErrorResponse xmlns="http:\/\/redshift\.amazonaws\.com\/doc\/2012-12-01\/">/;

/** Undecodable bodies: bad percent-encoding, and bytes that are not UTF-8. */
const BAD_BODIES: readonly [string, Buffer][] = [
  ["bad percent-encoding", Buffer.from("Action=DescribeVpcs&Version=2016-11-15&X=%ZZ")],
  ["invalid UTF-8", Buffer.concat([Buffer.from("Action=DescribeVpcs&X="), Buffer.from([0xff, 0xfe])])],
];

describe("the error envelope of an undecodable or too large body follows the signature", () => {
  for (const [what, body] of BAD_BODIES) {
    it(`envelope: a body with ${what} signed for ec2 is answered in EC2's envelope, for sts in STS's, for redshift in Redshift's`, async () => {
      await using rs = await startServer();
      const signingDate = new Date();
      const key = { accessKeyId: GRANTOR, secretAccessKey: "x" };
      const ec2 = await send(rs.url, await sign(rs.url, { method: "POST", headers: { "content-type": FORM }, body }, { service: "ec2", signingDate, key }));
      assert.equal(ec2.status, 400, ec2.text);
      assert.match(ec2.text, EC2_ERROR);
      assert.equal(errorCode(ec2.text), "MalformedQueryString");
      const sts = await send(rs.url, await sign(rs.url, { method: "POST", headers: { "content-type": FORM }, body }, { service: "sts", signingDate, key }));
      assert.equal(sts.status, 400, sts.text);
      assert.match(sts.text, STS_ERROR);
      const redshift = await send(rs.url, await sign(rs.url, { method: "POST", headers: { "content-type": FORM }, body }, { service: "redshift", signingDate, key }));
      assert.match(redshift.text, REDSHIFT_ERROR);
    });
  }

  it("envelope: a presigned URL for ec2 with an undecodable query is answered in EC2's envelope", async () => {
    await using rs = await startServer();
    const url = await presignUrl(rs.url, { Action: "DescribeVpcs", Version: "2016-11-15" }, { service: "ec2", signingDate: new Date(), expiresIn: 60, key: { accessKeyId: GRANTOR, secretAccessKey: "x" } });
    const res = await fetch(`${url}&Bad=%ZZ`);
    const text = await res.text();
    assert.equal(res.status, 400, text);
    assert.match(text, EC2_ERROR);
  });

  it("envelope: a body over the limit signed for ec2 is 413 in EC2's envelope, for sts in STS's", async () => {
    await using rs = await startServer();
    const body = `Action=DescribeVpcs&Version=2016-11-15&X=${"a".repeat(BODY_LIMIT)}`;
    const ec2 = await sendSigned(rs.url, body, { service: "ec2", signingDate: new Date() });
    assert.equal(ec2.status, 413, ec2.text);
    assert.match(ec2.text, EC2_ERROR);
    const sts = await sendSigned(rs.url, body, { service: "sts", signingDate: new Date() });
    assert.equal(sts.status, 413);
    assert.match(sts.text, /^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">/);
  });

  it("envelope: an unsigned undecodable body falls back to Redshift's envelope", async () => {
    await using rs = await startServer();
    const res = await rawPost(rs.url, "Action=DescribeVpcs&X=%ZZ");
    assert.equal(res.status, 400);
    assert.match(res.text, REDSHIFT_ERROR);
  });
});

/**
 * A small well-formedness check: tags balance, and text and attribute values hold no raw `<`,
 * `>` or a `&` that does not start an entity.
 */
function assertWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\n?/, "");
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w:-]+="[^"<>&]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of body.matchAll(token)) {
    if (m[6] !== undefined) assert.fail(`a raw '<' at ${m.index}: ${body.slice(m.index, m.index + 60)}`);
    if (m[5] !== undefined) {
      assert.doesNotMatch(m[5], />/, `a raw '>' in text: ${m[5]}`);
      assert.doesNotMatch(m[5], /&(?!(amp|lt|gt|quot|apos|#\d+);)/, `a bare '&' in text: ${m[5]}`);
      continue;
    }
    if (m[4] === "/") continue;
    if (m[1] === "/") assert.equal(stack.pop(), m[2], `closing </${m[2]}>`);
    else stack.push(m[2]!);
  }
  assert.deepEqual(stack, [], "every element is closed");
}

describe("every echoed client string is escaped", () => {
  const HOSTILE = `<img src=x onerror="alert(1)">&amp;`;
  const ESCAPED = "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;amp;";
  const enc = encodeURIComponent(HOSTILE);

  it("escaping: markup in an action name, a parameter value and an identifier comes back escaped in well-formed XML", async () => {
    await using rs = await startServer();
    for (const body of [
      `Action=${enc}&Version=2012-12-01`,
      `Action=${enc}&Version=2016-11-15`,
      `Action=DescribeClusters&Version=2012-12-01&ClusterIdentifier=${enc}`,
      `Action=CreateCluster&Version=2012-12-01&ClusterIdentifier=c1&NodeType=${enc}&MasterUsername=admin&MasterUserPassword=Passw0rd1`,
      `Action=DescribeClusters&Version=2012-12-01&MaxRecords=${enc}`,
      `Action=DescribeVpcs&Version=2016-11-15&VpcId.1=${enc}`,
    ]) {
      const res = await rawPost(rs.url, body);
      assert.ok(res.status >= 400 && res.status < 500, `${body}: ${res.status}`);
      assertWellFormed(res.text);
      assert.ok(res.text.includes(ESCAPED), `${body}: the value is echoed escaped: ${res.text}`);
      assert.ok(!res.text.includes("<img"), body);
    }
  });

  it("escaping: markup in a signing name and a region is refused in well-formed XML", async () => {
    await using rs = await startServer();
    const service = await sendSigned(rs.url, "Action=DescribeClusters", { service: HOSTILE, signingDate: new Date() });
    assert.equal(service.status, 501, service.text);
    assertWellFormed(service.text);
    assert.ok(service.text.includes(ESCAPED), service.text);
    const region = await sendSigned(rs.url, "Action=DescribeClusters", { service: "redshift", region: "<img src=x>", signingDate: new Date() });
    assert.equal(region.status, 403);
    assertWellFormed(region.text);
    assert.ok(!region.text.includes("<img"));
  });

  it("escaping: markup stored in a tag value comes back escaped in a successful answer", async () => {
    await using rs = await startServer();
    const created = await rawPost(rs.url, `Action=CreateVpc&Version=2016-11-15&CidrBlock=10.1.0.0%2F16&TagSpecification.1.ResourceType=vpc&TagSpecification.1.Tag.1.Key=k&TagSpecification.1.Tag.1.Value=${enc}`);
    assert.equal(created.status, 200, created.text);
    const described = await rawPost(rs.url, "Action=DescribeVpcs&Version=2016-11-15");
    assert.equal(described.status, 200);
    assertWellFormed(described.text);
    assert.ok(described.text.includes(`<value>${ESCAPED}</value>`), described.text);
  });
});
