/**
 * The Redshift tagging shape tables proved against the official SDK, both ways, without a server:
 * `Tags.Tag.N.Key`, `TagKeys.TagKey.N`, `TagValues.TagValue.N` in; `<TaggedResources><TaggedResource>`
 * with its `<Tag>` and `<Marker>` out.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateTagsCommand, DeleteTagsCommand, DescribeTagsCommand, RedshiftClient } from "@aws-sdk/client-redshift";
import { redshift } from "../../src/services/redshift/index.js";
import { assertPopulated, roundTrip } from "./roundtrip.js";
import { DescribeTagsOutput } from "../../src/services/redshift/tags/describe-tags.js";

const ARN = "arn:aws:redshift:us-east-1:111111111111:cluster:analytics";

describe("tag shapes round-trip through @aws-sdk/client-redshift", () => {
  it("CreateTags: Tags.Tag.N.Key/Value decode; the empty answer parses", async () => {
    const input = { ResourceName: ARN, Tags: [{ Key: "env", Value: "prod" }, { Key: "owner", Value: "" }] };
    const { form, parsed } = await roundTrip(RedshiftClient, redshift, "CreateTags", new CreateTagsCommand(input), undefined);
    assert.match(form, /Tags\.Tag\.1\.Key=env&Tags\.Tag\.1\.Value=prod&Tags\.Tag\.2\.Key=owner/);
    assert.deepEqual(parsed, {});
  });

  it("DeleteTags: TagKeys.TagKey.N decode", async () => {
    const { form } = await roundTrip(RedshiftClient, redshift, "DeleteTags", new DeleteTagsCommand({ ResourceName: ARN, TagKeys: ["env", "owner"] }), undefined);
    assert.match(form, /TagKeys\.TagKey\.1=env&TagKeys\.TagKey\.2=owner/);
  });

  it("DescribeTags: every filter decodes; <TaggedResources><TaggedResource> and Marker parse", async () => {
    const output = {
      TaggedResources: [
        { Tag: { Key: "env", Value: "prod" }, ResourceName: ARN, ResourceType: "cluster" },
        { Tag: { Key: "team", Value: "bi" }, ResourceName: "arn:aws:redshift:us-east-1:111111111111:subnetgroup:grp", ResourceType: "subnetgroup" },
      ],
      Marker: "rl1t.abc",
    };
    assertPopulated(DescribeTagsOutput, output, "DescribeTags");
    const { form, parsed } = await roundTrip(
      RedshiftClient,
      redshift,
      "DescribeTags",
      new DescribeTagsCommand({ ResourceType: "cluster", MaxRecords: 10, Marker: "rl1t.xyz", TagKeys: ["env", "team"], TagValues: ["prod"] }),
      output,
    );
    assert.match(form, /TagKeys\.TagKey\.2=team/);
    assert.match(form, /TagValues\.TagValue\.1=prod/);
    assert.deepEqual(parsed, output);
  });

  it("DescribeTags: an empty answer parses as an empty list", async () => {
    const { parsed } = await roundTrip(RedshiftClient, redshift, "DescribeTags", new DescribeTagsCommand({ ResourceName: ARN }), { TaggedResources: [] });
    assert.deepEqual(parsed, { TaggedResources: [] });
  });
});
