/**
 * The admin routes cannot be used by a web page (CSRF) or through a rebound DNS name, and in strict
 * mode /state, like /reset, needs a configured key. The AWS API itself answers for any Host name.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ManualClock } from "../../src/index.js";
import { GRANTOR, startServer } from "../helpers.js";
import { AKID, SECRET, elementText, send, sendSigned, sign, type RawResponse } from "../wire/signing.js";

const CREDENTIALS = [{ accessKeyId: AKID, secretAccessKey: SECRET, accountId: GRANTOR }];
const CREATE_VPC = "Action=CreateVpc&Version=2016-11-15&CidrBlock=10.9.0.0%2F16";

function errorOf(res: RawResponse): string {
  assert.match(String(res.headers["content-type"]), /^application\/json/, res.text);
  return (JSON.parse(res.text) as { error: string }).error;
}

async function vpcCidrs(url: string): Promise<string[]> {
  const res = await send(url, { method: "GET", path: "/_redshift-local/state" });
  assert.equal(res.status, 200, res.text);
  return (JSON.parse(res.text) as { vpcs: { cidrBlock: string }[] }).vpcs.map((v) => v.cidrBlock);
}

async function withVpc(url: string): Promise<void> {
  const res = await sendSigned(url, CREATE_VPC, { service: "ec2", signingDate: new Date(), key: { accessKeyId: GRANTOR, secretAccessKey: "x" } });
  assert.equal(res.status, 200, res.text);
}

describe("admin routes: cross-origin requests (CSRF)", () => {
  it("admin: a cross-origin POST /reset (Origin https://evil.example) is 403 and the state is intact", async () => {
    await using rs = await startServer();
    await withVpc(rs.url);
    const res = await send(rs.url, { method: "POST", path: "/_redshift-local/reset", headers: { origin: "https://evil.example", "content-type": "text/plain" }, body: "" });
    assert.equal(res.status, 403, res.text);
    assert.equal(errorOf(res), "CrossOriginRequestRefused");
    assert.ok((await vpcCidrs(rs.url)).includes("10.9.0.0/16"), "the VPC is still there");
  });

  it("admin: an Origin that is not exactly the server's own (another port, https, null) is refused on every admin route", async () => {
    await using rs = await startServer();
    const own = new URL(rs.url);
    for (const origin of [`http://${own.hostname}:1`, `https://${own.host}`, "null", "http://localhost.evil.example", "not a url"]) {
      for (const [method, path] of [["POST", "reset"], ["GET", "state"], ["GET", "health"]] as const) {
        const res = await send(rs.url, { method, path: `/_redshift-local/${path}`, headers: { origin }, body: "" });
        assert.equal(res.status, 403, `${method} ${path} from ${origin}: ${res.text}`);
        assert.equal(errorOf(res), "CrossOriginRequestRefused");
      }
    }
  });

  it("admin: JSON answers carry X-Content-Type-Options: nosniff, so markup stored in /state is never rendered", async () => {
    await using rs = await startServer();
    const tag = encodeURIComponent("<script>alert(1)</script>");
    const created = await sendSigned(rs.url, `${CREATE_VPC}&TagSpecification.1.ResourceType=vpc&TagSpecification.1.Tag.1.Key=Name&TagSpecification.1.Tag.1.Value=${tag}`, {
      service: "ec2",
      signingDate: new Date(),
    });
    assert.equal(created.status, 200, created.text);
    for (const path of ["state", "health", "nope"]) {
      const res = await send(rs.url, { method: "GET", path: `/_redshift-local/${path}` });
      assert.equal(res.headers["x-content-type-options"], "nosniff", path);
      assert.match(String(res.headers["content-type"]), /^application\/json/);
    }
  });

  it("admin: the server's own origin is served", async () => {
    await using rs = await startServer();
    await withVpc(rs.url);
    const res = await send(rs.url, { method: "GET", path: "/_redshift-local/state", headers: { origin: rs.url } });
    assert.equal(res.status, 200, res.text);
    const reset = await send(rs.url, { method: "POST", path: "/_redshift-local/reset", headers: { origin: rs.url, "sec-fetch-site": "same-origin" }, body: "" });
    assert.equal(reset.status, 200, reset.text);
    assert.deepEqual(await vpcCidrs(rs.url), []);
  });

  it("admin: Sec-Fetch-Site cross-site or same-site is 403; same-origin and none are served", async () => {
    await using rs = await startServer();
    await withVpc(rs.url);
    for (const site of ["cross-site", "same-site"]) {
      const res = await send(rs.url, { method: "POST", path: "/_redshift-local/reset", headers: { "sec-fetch-site": site }, body: "" });
      assert.equal(res.status, 403, `${site}: ${res.text}`);
      assert.equal(errorOf(res), "CrossOriginRequestRefused");
    }
    assert.ok((await vpcCidrs(rs.url)).includes("10.9.0.0/16"), "the VPC is still there");
    for (const site of ["same-origin", "none"]) {
      const res = await send(rs.url, { method: "GET", path: "/_redshift-local/state", headers: { "sec-fetch-site": site } });
      assert.equal(res.status, 200, `${site}: ${res.text}`);
    }
  });
});

describe("admin routes: Host names (DNS rebinding)", () => {
  it("admin: a Host that is not the server's (evil.example) is 403 HostNotAllowed on every admin route, and nothing is reset", async () => {
    await using rs = await startServer();
    await withVpc(rs.url);
    for (const [method, path] of [["POST", "reset"], ["GET", "state"], ["GET", "health"]] as const) {
      const res = await send(rs.url, { method, path: `/_redshift-local/${path}`, headers: { host: `evil.example:${rs.port}` }, body: "" });
      assert.equal(res.status, 403, `${method} ${path}: ${res.text}`);
      assert.equal(errorOf(res), "HostNotAllowed");
      assert.match(res.text, /--allowed-host/, "the message says how to allow a name");
      assert.doesNotMatch(res.text, /10\.9\.0\.0/);
    }
    assert.ok((await vpcCidrs(rs.url)).includes("10.9.0.0/16"), "the VPC is still there");
  });

  it("admin: localhost, 127.0.0.1 and [::1] are served, with any port", async () => {
    await using rs = await startServer();
    for (const host of [`localhost:${rs.port}`, "LOCALHOST", `127.0.0.1:${rs.port}`, "127.0.0.1:8080", `[::1]:${rs.port}`, "localhost."]) {
      const res = await send(rs.url, { method: "GET", path: "/_redshift-local/state", headers: { host } });
      assert.equal(res.status, 200, `${host}: ${res.text}`);
    }
  });

  it("admin: --allowed-host lets a name through (any case, any port); other names stay refused", async () => {
    await using rs = await startServer({ allowedHosts: ["redshift-local", "RL.Example.internal"] });
    for (const host of ["redshift-local:4566", "rl.example.internal", `RL.EXAMPLE.INTERNAL:${rs.port}`]) {
      const res = await send(rs.url, { method: "GET", path: "/_redshift-local/state", headers: { host } });
      assert.equal(res.status, 200, `${host}: ${res.text}`);
    }
    const other = await send(rs.url, { method: "GET", path: "/_redshift-local/state", headers: { host: "example.internal" } });
    assert.equal(other.status, 403);
  });

  it("admin: the listen address is served; listening on 0.0.0.0 trusts no name but loopback and --allowed-host", async () => {
    await using wildcard = await startServer({ host: "0.0.0.0" });
    const url = `http://127.0.0.1:${wildcard.port}`;
    assert.equal((await send(url, { method: "GET", path: "/_redshift-local/health" })).status, 200);
    for (const host of ["0.0.0.0", "my-laptop.lan", "192.168.1.20"]) {
      const res = await send(url, { method: "GET", path: "/_redshift-local/health", headers: { host } });
      assert.equal(res.status, 403, `${host}: ${res.text}`);
    }
    await using named = await startServer({ host: "127.0.0.1", allowedHosts: ["192.168.1.20"] });
    const res = await send(named.url, { method: "GET", path: "/_redshift-local/health", headers: { host: "192.168.1.20:4566" } });
    assert.equal(res.status, 200, res.text);
  });

  it("admin: an invalid allowedHosts entry is a RangeError", async () => {
    for (const bad of ["", "http://x", "x:80", "a b", "x/y"]) {
      await assert.rejects(startServer({ allowedHosts: [bad] }), RangeError, JSON.stringify(bad));
    }
  });

  it("admin: the AWS API answers for any Host name (SDK endpoints and docker service names)", async () => {
    await using rs = await startServer();
    const res = await send(rs.url, {
      method: "POST",
      headers: { host: "redshift.us-east-1.localhost.localstack.cloud:4566", "content-type": "application/x-www-form-urlencoded" },
      body: "Action=GetCallerIdentity&Version=2011-06-15",
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(elementText(res.text, "Account"), "000000000000");
  });
});

describe("AWS API: cross-origin requests from a browser (CSRF)", () => {
  it("AWS API: a cross-site form POST (Origin or Sec-Fetch-Site of another site) is 403 CrossOriginRequestRefused in the service's envelope, and nothing is created", async () => {
    await using rs = await startServer();
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const browserHeaders: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, { origin: "null" }];
    for (const headers of browserHeaders) {
      const res = await send(rs.url, { method: "POST", headers: { ...form, ...headers }, body: CREATE_VPC });
      assert.equal(res.status, 403, res.text);
      assert.match(res.text, /<Response><Errors><Error><Code>CrossOriginRequestRefused<\/Code>/, "EC2's envelope (the Version names EC2)");
    }
    assert.deepEqual(await vpcCidrs(rs.url), [], "no VPC was created (not even the default one: no call reached EC2)");
  });

  it("AWS API: requests without browser headers, or from the server's own origin, are served", async () => {
    await using rs = await startServer();
    const own = new URL(rs.url).host;
    const served: Record<string, string>[] = [{}, { origin: `http://${own}`, "sec-fetch-site": "same-origin" }, { "sec-fetch-site": "none" }];
    for (const headers of served) {
      const res = await send(rs.url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body: "Action=GetCallerIdentity&Version=2011-06-15" });
      assert.equal(res.status, 200, res.text);
    }
  });
});

describe("admin routes: strict mode", () => {
  it("strict: GET /_redshift-local/state unsigned is 403 MissingAuthenticationToken; signed by a configured key it is 200", async () => {
    const clock = new ManualClock(Date.parse("2030-01-01T00:00:00Z"));
    await using rs = await startServer({ auth: "strict", credentials: CREDENTIALS, clock });
    const signingDate = new Date(clock.now());
    const path = "/_redshift-local/state";
    const unsigned = await send(rs.url, { method: "GET", path });
    assert.equal(unsigned.status, 403, unsigned.text);
    assert.equal(errorOf(unsigned), "MissingAuthenticationToken");
    const unknown = await send(rs.url, await sign(rs.url, { method: "GET", path }, { service: "redshift", signingDate, key: { accessKeyId: GRANTOR, secretAccessKey: "x" } }));
    assert.equal(unknown.status, 403);
    assert.equal(errorOf(unknown), "InvalidClientTokenId");
    const badSecret = await send(rs.url, await sign(rs.url, { method: "GET", path }, { service: "redshift", signingDate, key: { accessKeyId: AKID, secretAccessKey: "wrong" } }));
    assert.equal(badSecret.status, 403);
    assert.equal(errorOf(badSecret), "SignatureDoesNotMatch");
    const signed = await send(rs.url, await sign(rs.url, { method: "GET", path }, { service: "redshift", signingDate }));
    assert.equal(signed.status, 200, signed.text);
    assert.ok(Array.isArray((JSON.parse(signed.text) as { clusters: unknown }).clusters));
  });

  it("strict: GET /_redshift-local/health stays open (it reveals nothing)", async () => {
    await using rs = await startServer({ auth: "strict", credentials: CREDENTIALS });
    const res = await send(rs.url, { method: "GET", path: "/_redshift-local/health" });
    assert.equal(res.status, 200, res.text);
  });
});
