/**
 * Shapes of DescribeRouteTables and DescribeNetworkAcls (the EC2 model's RouteTable, Route,
 * RouteTableAssociation, NetworkAcl, NetworkAclEntry, NetworkAclAssociation), with their wire names.
 */
import { boolean, integer, list, named, string, structure } from "../../protocol/shapes.js";
import { TagSet } from "./shapes.js";

/** DescribeRouteTables' MaxResults: 5–100 (the EC2 model's DescribeRouteTablesMaxResults). */
export const RouteTablesMaxResults = integer({
  min: 5,
  max: 100,
  message: "Value ( {value} ) for parameter maxResults is invalid. Parameter must be between 5 and 100.",
});

export const Route = structure({
  DestinationCidrBlock: named("destinationCidrBlock", string()),
  GatewayId: named("gatewayId", string()),
  Origin: named("origin", string()),
  State: named("state", string()),
});

export const RouteTableAssociation = structure({
  Main: named("main", boolean),
  RouteTableAssociationId: named("routeTableAssociationId", string()),
  RouteTableId: named("routeTableId", string()),
  SubnetId: named("subnetId", string()),
  AssociationState: named("associationState", structure({ State: named("state", string()), StatusMessage: named("statusMessage", string()) })),
});

export const RouteTable = structure({
  Associations: named("associationSet", list(RouteTableAssociation, "item")),
  PropagatingVgws: named("propagatingVgwSet", list(structure({ GatewayId: named("gatewayId", string()) }), "item")),
  RouteTableId: named("routeTableId", string()),
  Routes: named("routeSet", list(Route, "item")),
  Tags: TagSet,
  VpcId: named("vpcId", string()),
  OwnerId: named("ownerId", string()),
});

export const NetworkAclEntry = structure({
  CidrBlock: named("cidrBlock", string()),
  Egress: named("egress", boolean),
  Protocol: named("protocol", string()),
  RuleAction: named("ruleAction", string()),
  RuleNumber: named("ruleNumber", integer()),
});

export const NetworkAclAssociation = structure({
  NetworkAclAssociationId: named("networkAclAssociationId", string()),
  NetworkAclId: named("networkAclId", string()),
  SubnetId: named("subnetId", string()),
});

export const NetworkAcl = structure({
  Associations: named("associationSet", list(NetworkAclAssociation, "item")),
  Entries: named("entrySet", list(NetworkAclEntry, "item")),
  IsDefault: named("default", boolean),
  NetworkAclId: named("networkAclId", string()),
  Tags: TagSet,
  VpcId: named("vpcId", string()),
  OwnerId: named("ownerId", string()),
});
