/**
 * Wire shapes of the seven endpoint-access operations, declared once (Redshift model 2012-12-01 as
 * shipped in @aws-sdk/client-redshift 3.1169.0 / botocore 1.43.11;
 * https://docs.aws.amazon.com/redshift/latest/APIReference/API_<Action>.html).
 *
 * List item names come from the model: requests `VpcIds.VpcIdentifier.N` and
 * `VpcSecurityGroupIds.VpcSecurityGroupId.N`; responses `<AllowedVPCs><VpcIdentifier>`,
 * `<VpcSecurityGroups><VpcSecurityGroup>`, `<NetworkInterfaces><NetworkInterface>`, and `<member>`
 * for the two Describe lists (no locationName in the model).
 *
 * Where this product is stricter than the model (docs/differences-from-aws.md): `ClusterIdentifier` is
 * required
 * for Authorize, Revoke and Create, and `Account` for Revoke (the model marks them optional because
 * the same operations also serve Redshift Serverless); account ids are 12 digits and VPC ids look
 * like `vpc-…` (CloudFormation's patterns).
 */
import { boolean, integer, list, required, string, structure, timestamp } from "../../../protocol/shapes.js";
import { ENDPOINT_NAME_PATTERN, ENDPOINT_NAME_RULE } from "../../../domain/endpoints/names.js";

const accountId = string({ pattern: /^\d{12}$/, message: "Invalid value '{value}' for parameter {name}: an AWS account ID is 12 digits." });
const vpcId = string({ pattern: /^vpc-[A-Za-z0-9]{1,17}$/, message: "Invalid value '{value}' for parameter {name}: not a VPC identifier (vpc-…)." });

export const VpcIdentifierList = list(vpcId, "VpcIdentifier");
export const VpcSecurityGroupIdList = list(string(), "VpcSecurityGroupId");

// ---- outputs ---------------------------------------------------------------------------------------
export const EndpointAuthorization = structure({
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

export const NetworkInterface = structure({
  NetworkInterfaceId: string(),
  SubnetId: string(),
  PrivateIpAddress: string(),
  AvailabilityZone: string(),
  Ipv6Address: string(),
});

export const VpcEndpoint = structure({
  VpcEndpointId: string(),
  VpcId: string(),
  NetworkInterfaces: list(NetworkInterface, "NetworkInterface"),
});

export const VpcSecurityGroupMembership = structure({
  VpcSecurityGroupId: string(),
  Status: string(),
});

export const EndpointAccess = structure({
  ClusterIdentifier: string(),
  ResourceOwner: string(),
  SubnetGroupName: string(),
  EndpointStatus: string(),
  EndpointName: string(),
  EndpointCreateTime: timestamp,
  Port: integer(),
  Address: string(),
  VpcSecurityGroups: list(VpcSecurityGroupMembership, "VpcSecurityGroup"),
  VpcEndpoint,
});

export const EndpointAuthorizationList = structure({
  EndpointAuthorizationList: list(EndpointAuthorization),
  Marker: string(),
});

export const EndpointAccessList = structure({
  EndpointAccessList: list(EndpointAccess),
  Marker: string(),
});

// ---- inputs ----------------------------------------------------------------------------------------
export const AuthorizeEndpointAccessMessage = structure({
  ClusterIdentifier: required(string()),
  Account: required(accountId),
  VpcIds: VpcIdentifierList,
});

export const RevokeEndpointAccessMessage = structure({
  ClusterIdentifier: required(string()),
  Account: required(accountId),
  VpcIds: VpcIdentifierList,
  Force: boolean,
});

export const DescribeEndpointAuthorizationMessage = structure({
  ClusterIdentifier: string(),
  Account: accountId,
  Grantee: boolean,
  MaxRecords: integer(),
  Marker: string(),
});

export const CreateEndpointAccessMessage = structure({
  ClusterIdentifier: required(string()),
  ResourceOwner: accountId,
  EndpointName: required(string({ pattern: ENDPOINT_NAME_PATTERN, message: ENDPOINT_NAME_RULE })),
  SubnetGroupName: required(string()),
  VpcSecurityGroupIds: VpcSecurityGroupIdList,
});

export const DescribeEndpointAccessMessage = structure({
  ClusterIdentifier: string(),
  ResourceOwner: string(),
  EndpointName: string(),
  VpcId: string(),
  MaxRecords: integer(),
  Marker: string(),
});

export const ModifyEndpointAccessMessage = structure({
  EndpointName: required(string()),
  VpcSecurityGroupIds: VpcSecurityGroupIdList,
});

export const DeleteEndpointAccessMessage = structure({
  EndpointName: required(string()),
});
