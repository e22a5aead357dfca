import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { GRANTEE, GRANTOR, clientsFor, startServer } from "../helpers.js";

describe("STS GetCallerIdentity", () => {
  it("GetCallerIdentity: reports the account of a 12-digit access key", async () => {
    await using rs = await startServer();
    const out = await clientsFor(rs.url, GRANTOR).sts.send(new GetCallerIdentityCommand({}));
    assert.equal(out.Account, GRANTOR);
    assert.equal(out.Arn, `arn:aws:iam::${GRANTOR}:root`);
    assert.ok(out.$metadata.requestId);
  });

  it("GetCallerIdentity: a configured key belongs to its configured account", async () => {
    await using rs = await startServer({ credentials: [{ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret", accountId: GRANTEE }] });
    const { STSClient } = await import("@aws-sdk/client-sts");
    const sts = new STSClient({ endpoint: rs.url, region: "eu-west-1", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" } });
    const out = await sts.send(new GetCallerIdentityCommand({}));
    assert.equal(out.Account, GRANTEE);
    assert.equal(out.UserId, "AKIDEXAMPLE");
  });

  it("GetCallerIdentity: an unknown non-numeric key in open mode is the default account", async () => {
    await using rs = await startServer({ defaultAccount: "123456789012" });
    const { STSClient } = await import("@aws-sdk/client-sts");
    const sts = new STSClient({ endpoint: rs.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Account, "123456789012");
  });
});
