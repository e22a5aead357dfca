/**
 * The EC2 tagging shape tables proved against @aws-sdk/client-ec2, both ways, without a server:
 * `ResourceId.N` and `Tag.N.Key/Value` in (CreateTags, DeleteTags, a tag without its value, no tags at
 * all), `Filter.N`, `MaxResults`, `NextToken` in and `<tagSet><item>` with `nextToken` out.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateTagsCommand, DeleteTagsCommand, DescribeTagsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { assertPopulated, roundTrip } from "./roundtrip.js";
import { ec2 } from "../../src/services/ec2/index.js";

describe("EC2 tag shapes round-trip through @aws-sdk/client-ec2", () => {
  it("CreateTags: ResourceId.N and Tag.N.Key/Value in; the empty <return>true</return> answer parses", async () => {
    const input = { Resources: ["vpc-0123456789abcdef0", "sgr-0123456789abcdef0"], Tags: [{ Key: "Name", Value: "main" }, { Key: "empty", Value: "" }], DryRun: false };
    const { form, parsed } = await roundTrip(EC2Client, ec2, "CreateTags", new CreateTagsCommand(input), undefined);
    assert.match(form, /ResourceId\.1=vpc-0123456789abcdef0&ResourceId\.2=sgr-0123456789abcdef0/);
    assert.match(form, /Tag\.1\.Key=Name&Tag\.1\.Value=main&Tag\.2\.Key=empty&Tag\.2\.Value=(&|$)/);
    assert.deepEqual(parsed, {});
  });

  it("DeleteTags: a tag without Value decodes without it; an empty Value decodes as an empty string", async () => {
    const input = { Resources: ["subnet-0123456789abcdef0"], Tags: [{ Key: "any-value" }, { Key: "only-empty", Value: "" }] };
    const { form } = await roundTrip(EC2Client, ec2, "DeleteTags", new DeleteTagsCommand(input), undefined);
    assert.match(form, /ResourceId\.1=subnet-0123456789abcdef0&Tag\.1\.Key=any-value&Tag\.2\.Key=only-empty&Tag\.2\.Value=(&|$)/);
  });

  it("DeleteTags: no tags at all decodes without Tags", async () => {
    await roundTrip(EC2Client, ec2, "DeleteTags", new DeleteTagsCommand({ Resources: ["sg-0123456789abcdef0"] }), undefined);
  });

  it("DescribeTags: Filter.N, MaxResults and NextToken in; <tagSet><item> key/resourceId/resourceType/value and nextToken out", async () => {
    const output = {
      Tags: [
        { Key: "Name", ResourceId: "vpc-0123456789abcdef0", ResourceType: "vpc", Value: "main" },
        { Key: "team", ResourceId: "sgr-0123456789abcdef0", ResourceType: "security-group-rule", Value: "" },
      ],
      NextToken: "abc",
    };
    assertPopulated(ec2.operations.DescribeTags!.output!, output, "DescribeTags");
    const { form, parsed } = await roundTrip(
      EC2Client,
      ec2,
      "DescribeTags",
      new DescribeTagsCommand({ Filters: [{ Name: "resource-type", Values: ["vpc", "subnet"] }, { Name: "tag:Name", Values: ["m*"] }], MaxResults: 5, NextToken: "xyz" }),
      output,
    );
    assert.match(form, /Filter\.1\.Name=resource-type&Filter\.1\.Value\.1=vpc&Filter\.1\.Value\.2=subnet/);
    assert.match(form, /MaxResults=5&NextToken=xyz/);
    assert.deepEqual(parsed, output);
  });
});
