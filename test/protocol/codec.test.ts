/**
 * The codec (src/protocol/form.ts, decode.ts, validate.ts, encode.ts) against test vectors (requests and
 * responses as botocore and the JS SDK send and read them): TV6 (request decoding equivalence), TV3/TV4 (awsQuery success and error,
 * byte for byte), TV5 (EC2 request, success and error), plus escaping, booleans, timestamps and the
 * validation messages. Shapes are declared here, as small copies of the model's members, so these
 * tests prove the codec and not any one operation's table.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AwsError, ClusterNotFound, InvalidSubnetIDNotFound } from "../../src/domain/errors.js";
import { Params, decodeStructure, type WireProtocol } from "../../src/protocol/decode.js";
import { encodeError, encodeSuccess, escapeXml } from "../../src/protocol/encode.js";
import { parseForm } from "../../src/protocol/form.js";
import { boolean, integer, list, named, required, string, structure, timestamp, type StructureShape } from "../../src/protocol/shapes.js";
import { validateStructure } from "../../src/protocol/validate.js";

const REDSHIFT_NS = "http://redshift.amazonaws.com/doc/2012-12-01/";
const EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/";

function decode(shape: StructureShape, body: string, protocol: WireProtocol = "query"): Record<string, unknown> {
  const map = new Map<string, string>();
  parseForm(body, map, true);
  return decodeStructure(shape, new Params(map), protocol);
}

function expectError(fn: () => unknown, code: string, messagePattern: RegExp): AwsError {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  assert.ok(thrown instanceof AwsError, `expected ${code}, got ${String(thrown)}`);
  assert.equal(thrown.code, code, thrown.message);
  assert.equal(thrown.status, 400);
  assert.match(thrown.message, messagePattern);
  return thrown;
}

// ---- TV6: request decoding ------------------------------------------------------------------------

const Tag = structure({ Key: string(), Value: string() });
const CreateClusterInput = structure({
  ClusterIdentifier: required(string()),
  NodeType: required(string()),
  MasterUsername: string(),
  MasterUserPassword: string(),
  VpcSecurityGroupIds: list(string(), "VpcSecurityGroupId"),
  Port: integer(),
  NumberOfNodes: integer(),
  PubliclyAccessible: boolean,
  Encrypted: boolean,
  Tags: list(Tag, "Tag"),
  IamRoles: list(string(), "IamRoleArn"),
});

const TV6_BOTOCORE =
  "Action=CreateCluster&Version=2012-12-01&ClusterIdentifier=my-cluster&NodeType=ra3.xlplus&MasterUsername=admin&MasterUserPassword=P%40ss+w%2Brd%2F~%2A%C3%A9%21&Port=5439&Encrypted=true&PubliclyAccessible=false&NumberOfNodes=2&VpcSecurityGroupIds.VpcSecurityGroupId.1=sg-1&VpcSecurityGroupIds.VpcSecurityGroupId.2=sg-2&Tags.Tag.1.Key=env&Tags.Tag.1.Value=dev+test&Tags.Tag.2.Key=team&Tags.Tag.2.Value=a%26b%3Dc&IamRoles=";
const TV6_JS =
  "Action=CreateCluster&Version=2012-12-01&ClusterIdentifier=my-cluster&NodeType=ra3.xlplus&MasterUsername=admin&MasterUserPassword=P%40ss%20w%2Brd%2F~%2A%C3%A9%21&VpcSecurityGroupIds.VpcSecurityGroupId.1=sg-1&VpcSecurityGroupIds.VpcSecurityGroupId.2=sg-2&Port=5439&NumberOfNodes=2&PubliclyAccessible=false&Encrypted=true&Tags.Tag.1.Key=env&Tags.Tag.1.Value=dev%20test&Tags.Tag.2.Key=team&Tags.Tag.2.Value=a%26b%3Dc&IamRoles=";
const TV6_EXPECTED = {
  ClusterIdentifier: "my-cluster",
  NodeType: "ra3.xlplus",
  MasterUsername: "admin",
  MasterUserPassword: "P@ss w+rd/~*é!",
  VpcSecurityGroupIds: ["sg-1", "sg-2"],
  Port: 5439,
  NumberOfNodes: 2,
  PubliclyAccessible: false,
  Encrypted: true,
  Tags: [
    { Key: "env", Value: "dev test" },
    { Key: "team", Value: "a&b=c" },
  ],
  IamRoles: [],
};

describe("TV6: awsQuery request decoding", () => {
  it("TV6: botocore's '+' body and the JS SDK's '%20' body decode to the identical documented object", () => {
    assert.deepEqual(decode(CreateClusterInput, TV6_BOTOCORE), TV6_EXPECTED);
    assert.deepEqual(decode(CreateClusterInput, TV6_JS), TV6_EXPECTED);
  });

  it("TV6: 'IamRoles=' is an explicitly empty list, distinct from an absent member", () => {
    assert.deepEqual(decode(CreateClusterInput, TV6_BOTOCORE).IamRoles, []);
    const absent = decode(CreateClusterInput, TV6_BOTOCORE.replace("&IamRoles=", ""));
    assert.equal("IamRoles" in absent, false);
  });

  it("TV6: list indices .1 … .12 come back in numeric order, whatever the parameter order", () => {
    const Input = structure({ VpcIds: list(string(), "VpcIdentifier") });
    const order = [10, 2, 12, 1, 11, 3, 9, 4, 8, 5, 7, 6];
    const body = order.map((i) => `VpcIds.VpcIdentifier.${i}=v${i}`).join("&");
    assert.deepEqual(decode(Input, body).VpcIds, Array.from({ length: 12 }, (_, i) => `v${i + 1}`));
  });

  it("decode: list items use the model's item name, not 'member'", () => {
    const Input = structure({ VpcIds: list(string(), "VpcIdentifier") });
    assert.deepEqual(decode(Input, "VpcIds.VpcIdentifier.1=a"), { VpcIds: ["a"] });
    assert.deepEqual(decode(Input, "VpcIds.member.1=a"), {});
  });

  it("decode: unknown parameters are ignored", () => {
    assert.deepEqual(decode(structure({ A: string() }), "A=1&Unknown=2&A.B=3"), { A: "1" });
  });

  it("decode: locationName renames an awsQuery member", () => {
    const Input = structure({ Ids: named("Identifier", list(string(), "Id")) });
    assert.deepEqual(decode(Input, "Identifier.Id.1=x"), { Ids: ["x"] });
  });
});

// ---- TV5: EC2 request decoding ------------------------------------------------------------------

const DescribeSubnetsInput = structure({
  Filters: named("Filter", list(structure({ Name: string(), Values: named("Value", list(string(), "item")) }), "Filter")),
  SubnetIds: named("SubnetId", list(string(), "SubnetId")),
  DryRun: named("dryRun", boolean),
});

describe("TV5: ec2Query request decoding", () => {
  it("TV5: botocore's and the JS SDK's DescribeSubnets bodies decode to the documented object (flattened lists)", () => {
    const expected = { SubnetIds: ["subnet-0bb1c79de3EXAMPLE"], Filters: [{ Name: "vpc-id", Values: ["vpc-0a1b2c3d"] }] };
    assert.deepEqual(decode(DescribeSubnetsInput, "Action=DescribeSubnets&Version=2016-11-15&SubnetId.1=subnet-0bb1c79de3EXAMPLE&Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-0a1b2c3d", "ec2"), expected);
    assert.deepEqual(decode(DescribeSubnetsInput, "Action=DescribeSubnets&Version=2016-11-15&Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-0a1b2c3d&SubnetId.1=subnet-0bb1c79de3EXAMPLE", "ec2"), expected);
  });

  it("decode (ec2): a lowerCamel locationName is sent capitalised (DryRun), and '+' is a space", () => {
    const decoded = decode(DescribeSubnetsInput, "DryRun=false&Filter.1.Name=tag%3AName&Filter.1.Value.1=x+y&Filter.1.Value.2=z", "ec2");
    assert.deepEqual(decoded, { DryRun: false, Filters: [{ Name: "tag:Name", Values: ["x y", "z"] }] });
  });
});

// ---- scalars ---------------------------------------------------------------------------------------

describe("decode: scalars", () => {
  const Input = structure({ Flag: boolean, Count: integer(), At: timestamp, Name: string() });

  it("decode: booleans are true/false in any case, anything else is InvalidParameterValue naming the parameter", () => {
    assert.deepEqual(decode(Input, "Flag=true"), { Flag: true });
    assert.deepEqual(decode(Input, "Flag=FALSE"), { Flag: false });
    expectError(() => decode(Input, "Flag=yes"), "InvalidParameterValue", /Flag/);
    expectError(() => decode(Input, "Flag=1"), "InvalidParameterValue", /Flag/);
  });

  it("decode: integers are decimal; fractions and words are InvalidParameterValue naming the parameter", () => {
    assert.deepEqual(decode(Input, "Count=5439"), { Count: 5439 });
    assert.deepEqual(decode(Input, "Count=-1"), { Count: -1 });
    expectError(() => decode(Input, "Count=5.5"), "InvalidParameterValue", /Count/);
    expectError(() => decode(Input, "Count=lots"), "InvalidParameterValue", /Count/);
  });

  it("decode: integers are 32-bit, as the models' Integer; beyond that is InvalidParameterValue, not a rounded double", () => {
    assert.deepEqual(decode(Input, "Count=2147483647"), { Count: 2147483647 });
    assert.deepEqual(decode(Input, "Count=-2147483648"), { Count: -2147483648 });
    expectError(() => decode(Input, "Count=2147483648"), "InvalidParameterValue", /Count/);
    expectError(() => decode(Input, "Count=9007199254740993"), "InvalidParameterValue", /'9007199254740993'/);
  });

  it("decode: timestamps accept Z, offsets and 0–9 fractional digits (botocore's microseconds too)", () => {
    assert.deepEqual(decode(Input, "At=2024-05-01T12%3A00%3A00Z"), { At: Date.parse("2024-05-01T12:00:00Z") });
    assert.deepEqual(decode(Input, "At=2024-05-01T13%3A00%3A00.123456Z"), { At: Date.parse("2024-05-01T13:00:00.123Z") });
    assert.deepEqual(decode(Input, "At=2024-05-01T13%3A00%3A00.123Z"), { At: Date.parse("2024-05-01T13:00:00.123Z") });
    assert.deepEqual(decode(Input, "At=2024-05-01T14%3A00%3A00%2B02%3A00"), { At: Date.parse("2024-05-01T12:00:00Z") });
    expectError(() => decode(Input, "At=yesterday"), "InvalidParameterValue", /At/);
    expectError(() => decode(Input, "At=2024-05-01"), "InvalidParameterValue", /At/);
  });

  it("form: an invalid percent-escape is refused with a 400, not guessed at", () => {
    const err = expectError(() => decode(Input, "Name=100%"), "MalformedQueryString", /percent/);
    assert.equal(err.status, 400);
  });
});

// ---- validation --------------------------------------------------------------------------------------

describe("validate: messages name the parameter", () => {
  const Input = structure({
    ClusterIdentifier: required(string({ max: 63, pattern: /^[a-z][a-z0-9-]*$/, message: "Invalid value '{value}' for {name}: must be lowercase." })),
    NodeType: string({ enum: ["ra3.xlplus", "ra3.4xlarge"] }),
    MaxRecords: integer({ min: 20, max: 100 }),
    Tags: list(structure({ Key: required(string()), Value: string() }), "Tag"),
    VpcIds: list(string(), "VpcIdentifier", { max: 2 }),
  });

  it("validate: a missing required member is MissingParameter naming it", () => {
    expectError(() => validateStructure(Input, {}), "MissingParameter", /ClusterIdentifier/);
  });

  it("validate: a missing required member inside a list item is named with its path", () => {
    expectError(() => validateStructure(Input, { ClusterIdentifier: "c", Tags: [{ Key: "k" }, { Value: "v" }] }), "MissingParameter", /Tags\.2\.Key/);
  });

  it("validate: pattern, enum, range and list size violations are InvalidParameterValue naming the parameter", () => {
    const err = expectError(() => validateStructure(Input, { ClusterIdentifier: "Bad_Name" }), "InvalidParameterValue", /ClusterIdentifier/);
    assert.equal(err.message, "Invalid value 'Bad_Name' for ClusterIdentifier: must be lowercase.");
    expectError(() => validateStructure(Input, { ClusterIdentifier: "c", NodeType: "dc1.large" }), "InvalidParameterValue", /NodeType.*ra3\.xlplus/);
    expectError(() => validateStructure(Input, { ClusterIdentifier: "c", MaxRecords: 19 }), "InvalidParameterValue", /MaxRecords/);
    expectError(() => validateStructure(Input, { ClusterIdentifier: "c", MaxRecords: 101 }), "InvalidParameterValue", /MaxRecords/);
    expectError(() => validateStructure(Input, { ClusterIdentifier: "c", VpcIds: ["a", "b", "c"] }), "InvalidParameterValue", /VpcIds/);
  });

  it("validate: a decoded request that satisfies the shape passes", () => {
    assert.doesNotThrow(() => validateStructure(Input, decode(Input, "ClusterIdentifier=my-cluster&NodeType=ra3.xlplus&MaxRecords=20&Tags.Tag.1.Key=k&VpcIds.VpcIdentifier.1=v")));
  });
});

// ---- TV3 / TV4 / TV5: responses byte for byte ------------------------------------------------------

const AuthorizeOutput = structure({
  Grantor: string(),
  Grantee: string(),
  ClusterIdentifier: string(),
  AuthorizeTime: timestamp,
  ClusterStatus: string(),
  Status: string(),
  AllowedAllVPCs: boolean,
  AllowedVPCs: list(string(), "VpcIdentifier"),
  EndpointCount: integer(),
});

const TV3_BODY =
  '<AuthorizeEndpointAccessResponse xmlns="http://redshift.amazonaws.com/doc/2012-12-01/"><AuthorizeEndpointAccessResult><Grantor>123456789012</Grantor><Grantee>210987654321</Grantee><ClusterIdentifier>my-cluster</ClusterIdentifier><AuthorizeTime>2024-05-01T12:34:56.789Z</AuthorizeTime><ClusterStatus>available</ClusterStatus><Status>Authorized</Status><AllowedAllVPCs>false</AllowedAllVPCs><AllowedVPCs><VpcIdentifier>vpc-0a1b2c3d</VpcIdentifier><VpcIdentifier>vpc-1b2c3d4e</VpcIdentifier></AllowedVPCs><EndpointCount>0</EndpointCount></AuthorizeEndpointAccessResult><ResponseMetadata><RequestId>c9a1e6a4-3b1f-4d8e-9f0a-2b7c5d4e3f21</RequestId></ResponseMetadata></AuthorizeEndpointAccessResponse>';
const TV4_BODY =
  '<ErrorResponse xmlns="http://redshift.amazonaws.com/doc/2012-12-01/"><Error><Type>Sender</Type><Code>ClusterNotFound</Code><Message>Cluster my-cluster not found.</Message></Error><RequestId>5b2f3a1c-7d8e-4f90-a1b2-c3d4e5f6a7b8</RequestId></ErrorResponse>';
const TV5_BODY =
  '<?xml version="1.0" encoding="UTF-8"?>\n<DescribeSubnetsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId><subnetSet><item><subnetId>subnet-0bb1c79de3EXAMPLE</subnetId><state>available</state><vpcId>vpc-0a1b2c3d</vpcId><cidrBlock>10.0.1.0/24</cidrBlock><availableIpAddressCount>251</availableIpAddressCount><availabilityZone>us-east-1a</availabilityZone><defaultForAz>false</defaultForAz><mapPublicIpOnLaunch>false</mapPublicIpOnLaunch><ipv6CidrBlockAssociationSet/><tagSet><item><key>Name</key><value>private-a</value></item></tagSet></item></subnetSet></DescribeSubnetsResponse>';
const TV5_ERROR =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>InvalidSubnetID.NotFound</Code><Message>The subnet ID \'subnet-0bb1c79de3EXAMPLE\' does not exist</Message></Error></Errors><RequestID>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestID></Response>';

const Ec2Tag = structure({ Key: named("key", string()), Value: named("value", string()) });
const DescribeSubnetsOutput = structure({
  Subnets: named(
    "subnetSet",
    list(
      structure({
        SubnetId: named("subnetId", string()),
        State: named("state", string()),
        VpcId: named("vpcId", string()),
        CidrBlock: named("cidrBlock", string()),
        AvailableIpAddressCount: named("availableIpAddressCount", integer()),
        AvailabilityZone: named("availabilityZone", string()),
        DefaultForAz: named("defaultForAz", boolean),
        MapPublicIpOnLaunch: named("mapPublicIpOnLaunch", boolean),
        Ipv6CidrBlockAssociationSet: named("ipv6CidrBlockAssociationSet", list(structure({ Ipv6CidrBlock: named("ipv6CidrBlock", string()) }), "item")),
        Tags: named("tagSet", list(Ec2Tag, "item")),
      }),
      "item",
    ),
  ),
});

describe("encode: the documented responses, byte for byte", () => {
  it("TV3: the AuthorizeEndpointAccess success is byte-identical (696 bytes), with the <OpResult> wrapper", () => {
    const out = encodeSuccess(
      "query",
      REDSHIFT_NS,
      "AuthorizeEndpointAccess",
      AuthorizeOutput,
      {
        Grantor: "123456789012",
        Grantee: "210987654321",
        ClusterIdentifier: "my-cluster",
        AuthorizeTime: Date.parse("2024-05-01T12:34:56.789Z"),
        ClusterStatus: "available",
        Status: "Authorized",
        AllowedAllVPCs: false,
        AllowedVPCs: ["vpc-0a1b2c3d", "vpc-1b2c3d4e"],
        EndpointCount: 0,
      },
      "c9a1e6a4-3b1f-4d8e-9f0a-2b7c5d4e3f21",
    );
    assert.equal(out.body, TV3_BODY);
    assert.equal(Buffer.byteLength(out.body), 696);
    assert.equal(out.contentType, "text/xml");
  });

  it("TV4: the ClusterNotFound error is byte-identical (254 bytes), 404, Type Sender", () => {
    const error = new ClusterNotFound("Cluster my-cluster not found.");
    assert.equal(error.status, 404);
    const out = encodeError("query", REDSHIFT_NS, error, "5b2f3a1c-7d8e-4f90-a1b2-c3d4e5f6a7b8");
    assert.equal(out.body, TV4_BODY);
    assert.equal(Buffer.byteLength(out.body), 254);
    assert.equal(out.contentType, "text/xml");
  });

  it("TV5: the EC2 DescribeSubnets success is byte-identical (645 bytes): no wrapper, <requestId>, <item>s", () => {
    const out = encodeSuccess(
      "ec2",
      EC2_NS,
      "DescribeSubnets",
      DescribeSubnetsOutput,
      {
        Subnets: [
          {
            SubnetId: "subnet-0bb1c79de3EXAMPLE",
            State: "available",
            VpcId: "vpc-0a1b2c3d",
            CidrBlock: "10.0.1.0/24",
            AvailableIpAddressCount: 251,
            AvailabilityZone: "us-east-1a",
            DefaultForAz: false,
            MapPublicIpOnLaunch: false,
            Ipv6CidrBlockAssociationSet: [],
            Tags: [{ Key: "Name", Value: "private-a" }],
          },
        ],
      },
      "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE",
    );
    assert.equal(out.body, TV5_BODY);
    assert.equal(Buffer.byteLength(out.body), 645);
    assert.equal(out.contentType, "text/xml;charset=UTF-8");
  });

  it("TV5: the EC2 InvalidSubnetID.NotFound error is byte-identical: <Response><Errors>, no <Type>, <RequestID>", () => {
    const error = new InvalidSubnetIDNotFound("The subnet ID 'subnet-0bb1c79de3EXAMPLE' does not exist");
    const out = encodeError("ec2", EC2_NS, error, "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE");
    assert.equal(out.body, TV5_ERROR);
    assert.equal(error.status, 400);
    assert.equal(out.contentType, "text/xml;charset=UTF-8");
  });
});

describe("encode: members", () => {
  const Out = structure({
    Text: string(),
    Flag: boolean,
    Off: boolean,
    At: timestamp,
    Items: list(string()),
    Empty: list(string(), "VpcIdentifier"),
    Absent: string(),
    Nested: structure({ Inner: named("inner", integer()) }),
  });
  const body = (value: Record<string, unknown>) => encodeSuccess("query", REDSHIFT_NS, "Op", Out, value, "rid").body;

  it("encode: booleans are lowercase true/false", () => {
    assert.match(body({ Flag: true, Off: false }), /<Flag>true<\/Flag><Off>false<\/Off>/);
  });

  it("encode: timestamps are RFC 3339 UTC with milliseconds and Z", () => {
    assert.match(body({ At: Date.parse("2026-01-02T03:04:05.678Z") }), /<At>2026-01-02T03:04:05\.678Z<\/At>/);
    assert.match(body({ At: Date.parse("2026-01-02T03:04:05Z") }), /<At>2026-01-02T03:04:05\.000Z<\/At>/);
  });

  it("encode: a list without an item name uses <member>; an empty list is a self-closed element; absent members are omitted", () => {
    const xml = body({ Items: ["a", "b"], Empty: [], Absent: undefined, Nested: { Inner: 3 } });
    assert.match(xml, /<Items><member>a<\/member><member>b<\/member><\/Items>/);
    assert.match(xml, /<Empty\/>/);
    assert.doesNotMatch(xml, /Absent/);
    assert.match(xml, /<Nested><inner>3<\/inner><\/Nested>/);
  });

  it("encode: text is XML-escaped and characters illegal in XML 1.0 are dropped", () => {
    assert.equal(escapeXml(`a&b<c>d"e'f\u0001g\u001Fh\tj\nk`), `a&amp;b&lt;c&gt;d&quot;e'fgh\tj\nk`);
    assert.match(body({ Text: "<x & y>" }), /<Text>&lt;x &amp; y&gt;<\/Text>/);
    assert.match(body({ Text: "é€" }), /<Text>é€<\/Text>/);
  });

  it("encode: an error message and code are escaped too", () => {
    const out = encodeError("query", REDSHIFT_NS, new AwsError("InvalidParameterValue", "bad <value> & more"), "rid");
    assert.match(out.body, /<Message>bad &lt;value&gt; &amp; more<\/Message>/);
  });

  it("encode: an operation without output still has a body (awsQuery: ResponseMetadata; EC2: <return>true</return>)", () => {
    assert.equal(encodeSuccess("query", REDSHIFT_NS, "DeleteTags", undefined, undefined, "rid").body, `<DeleteTagsResponse xmlns="${REDSHIFT_NS}"><ResponseMetadata><RequestId>rid</RequestId></ResponseMetadata></DeleteTagsResponse>`);
    assert.equal(encodeSuccess("ec2", EC2_NS, "DeleteVpc", undefined, undefined, "rid").body, `<?xml version="1.0" encoding="UTF-8"?>\n<DeleteVpcResponse xmlns="${EC2_NS}"><requestId>rid</requestId><return>true</return></DeleteVpcResponse>`);
  });

  it("encode: a 5xx error is Type Receiver, a 4xx Sender", () => {
    assert.match(encodeError("query", REDSHIFT_NS, new AwsError("InternalFailure", "x", 500), "rid").body, /<Type>Receiver<\/Type>/);
    assert.match(encodeError("query", REDSHIFT_NS, new AwsError("InvalidParameterValue", "x", 400), "rid").body, /<Type>Sender<\/Type>/);
  });
});
