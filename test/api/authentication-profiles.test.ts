import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateAuthenticationProfileCommand,
  DeleteAuthenticationProfileCommand,
  DescribeAuthenticationProfilesCommand,
  ModifyAuthenticationProfileCommand,
} from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, startServer, type Clients } from "../helpers.js";

const CONTENT = '{"AllowDBUserOverride":"1","Client_ID":"ExampleClientID","App_ID":"ExampleAppID","AutoCreate":false}';
const create = (c: Clients, name: string, content = CONTENT) =>
  c.redshift.send(new CreateAuthenticationProfileCommand({ AuthenticationProfileName: name, AuthenticationProfileContent: content }));
const modify = (c: Clients, name: string, content: string) =>
  c.redshift.send(new ModifyAuthenticationProfileCommand({ AuthenticationProfileName: name, AuthenticationProfileContent: content }));
const describeAll = async (c: Clients, name?: string) =>
  (await c.redshift.send(new DescribeAuthenticationProfilesCommand({ AuthenticationProfileName: name }))).AuthenticationProfiles ?? [];

describe("CreateAuthenticationProfile", () => {
  it("CreateAuthenticationProfile: answers the name and the content exactly as sent", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    const out = await create(c, "Example-Profile-1");
    assert.equal(out.AuthenticationProfileName, "Example-Profile-1");
    assert.equal(out.AuthenticationProfileContent, CONTENT);
    assert.deepEqual(await describeAll(c, "Example-Profile-1"), [{ AuthenticationProfileName: "Example-Profile-1", AuthenticationProfileContent: CONTENT }]);
  });

  it("CreateAuthenticationProfile: a name over 63 characters or outside [a-zA-Z0-9-] is InvalidAuthenticationProfileRequestFault", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await create(c, "a".repeat(63));
    await expectAwsError(create(c, "a".repeat(64)), "InvalidAuthenticationProfileRequestFault", 400);
    await expectAwsError(create(c, "under_score"), "InvalidAuthenticationProfileRequestFault", 400);
    await expectAwsError(create(c, ""), "InvalidAuthenticationProfileRequestFault", 400);
  });

  it("CreateAuthenticationProfile: content that is not a JSON object is InvalidAuthenticationProfileRequestFault", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    for (const bad of ["{not json", "", "[1,2]", '"text"', "null", "42"]) {
      await expectAwsError(create(c, "p", bad), "InvalidAuthenticationProfileRequestFault", 400);
    }
    assert.deepEqual(await describeAll(c), []);
  });

  it("CreateAuthenticationProfile: content over 4,096 bytes is AuthenticationProfileQuotaExceededFault (checked before JSON)", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    const fits = JSON.stringify({ k: "x".repeat(4096 - 8) });
    assert.equal(fits.length, 4096);
    await create(c, "fits", fits);
    await expectAwsError(create(c, "big", JSON.stringify({ k: "x".repeat(4096 - 7) })), "AuthenticationProfileQuotaExceededFault", 400);
    await expectAwsError(create(c, "big", "{".repeat(4097)), "AuthenticationProfileQuotaExceededFault", 400);
  });

  it("CreateAuthenticationProfile: an existing name is AuthenticationProfileAlreadyExistsFault; names are case-sensitive", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await create(c, "prof");
    await expectAwsError(create(c, "prof"), "AuthenticationProfileAlreadyExistsFault", 400);
    await create(c, "PROF");
    assert.equal((await describeAll(c)).length, 2);
  });

  it("CreateAuthenticationProfile: 10 profiles per account; the 11th is AuthenticationProfileQuotaExceededFault (after the duplicate check)", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    for (let i = 0; i < 10; i++) await create(c, `p${i}`);
    await expectAwsError(create(c, "p0"), "AuthenticationProfileAlreadyExistsFault", 400);
    await expectAwsError(create(c, "p10"), "AuthenticationProfileQuotaExceededFault", 400);
    await create(clientsFor(rs.url, GRANTEE), "p10");
  });
});

describe("DescribeAuthenticationProfiles", () => {
  it("DescribeAuthenticationProfiles: every profile in creation order, or the one named; another account's are never seen", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await create(c, "b");
    await create(c, "a", "{}");
    assert.deepEqual((await describeAll(c)).map((p) => p.AuthenticationProfileName), ["b", "a"]);
    assert.deepEqual(await describeAll(c, "a"), [{ AuthenticationProfileName: "a", AuthenticationProfileContent: "{}" }]);
    const other = clientsFor(rs.url, GRANTEE);
    assert.deepEqual(await describeAll(other), []);
    await expectAwsError(describeAll(other, "a"), "AuthenticationProfileNotFoundFault", 404);
  });

  it("DescribeAuthenticationProfiles: an unknown name is AuthenticationProfileNotFoundFault; an invalid one InvalidAuthenticationProfileRequestFault", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await expectAwsError(describeAll(c, "missing"), "AuthenticationProfileNotFoundFault", 404);
    await expectAwsError(describeAll(c, "bad name"), "InvalidAuthenticationProfileRequestFault", 400);
  });
});

describe("ModifyAuthenticationProfile and DeleteAuthenticationProfile", () => {
  it("ModifyAuthenticationProfile: replaces the content", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await create(c, "prof");
    const out = await modify(c, "prof", '{"AutoCreate":true}');
    assert.deepEqual([out.AuthenticationProfileName, out.AuthenticationProfileContent], ["prof", '{"AutoCreate":true}']);
    assert.equal((await describeAll(c, "prof"))[0]!.AuthenticationProfileContent, '{"AutoCreate":true}');
  });

  it("ModifyAuthenticationProfile: errors in order — name, NotFound, then the content's size and JSON", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await create(c, "prof");
    await expectAwsError(modify(c, "bad_name", "nope"), "InvalidAuthenticationProfileRequestFault", 400);
    await expectAwsError(modify(c, "missing", "nope"), "AuthenticationProfileNotFoundFault", 404);
    await expectAwsError(modify(c, "prof", "{".repeat(5000)), "AuthenticationProfileQuotaExceededFault", 400);
    await expectAwsError(modify(c, "prof", "nope"), "InvalidAuthenticationProfileRequestFault", 400);
    assert.equal((await describeAll(c, "prof"))[0]!.AuthenticationProfileContent, CONTENT);
  });

  it("DeleteAuthenticationProfile: answers the name and frees the quota; deleting again is AuthenticationProfileNotFoundFault", async () => {
    await using rs = await startServer({ quotas: { "authentication-profiles-per-account": 1 } });
    const c = clientsFor(rs.url, GRANTOR);
    await create(c, "prof");
    await expectAwsError(create(c, "second"), "AuthenticationProfileQuotaExceededFault", 400);
    const out = await c.redshift.send(new DeleteAuthenticationProfileCommand({ AuthenticationProfileName: "prof" }));
    assert.equal(out.AuthenticationProfileName, "prof");
    await expectAwsError(c.redshift.send(new DeleteAuthenticationProfileCommand({ AuthenticationProfileName: "prof" })), "AuthenticationProfileNotFoundFault", 404);
    await create(c, "second");
  });
});
