/**
 * The one error catalogue. Every error a client can see is an `AwsError` subclass carrying its wire
 * code, HTTP status and fault type; the protocol layer turns it into a response in exactly one place.
 *
 * Redshift codes and statuses come from the service model's `error` blocks (see
 * the "Errors" section of each action in the API Reference,
 * https://docs.aws.amazon.com/redshift/latest/APIReference/;
 * test/fixtures/aws-error-codes.md keeps the table the catalogue test checks) — the wire code is NOT the shape/class name
 * (`ClusterNotFound`, not `ClusterNotFoundFault`). Common query-protocol codes come from AWS's
 * CommonErrors page; EC2 codes are never modelled and are listed as EC2 documents them.
 *
 * Internal mistakes are a different type (`InternalError` / any other Error): they become
 * 500 `InternalFailure` and are logged with their stack.
 */

export type FaultType = "Sender" | "Receiver";

export class AwsError extends Error {
  /** Wire `<Code>`. */
  readonly code: string;
  /** HTTP status of the response. */
  readonly status: number;
  /** `<Type>` of the awsQuery envelope: Sender for client faults, Receiver for server faults. */
  readonly fault: FaultType;

  constructor(code: string, message: string, status = 400, fault: FaultType = status >= 500 ? "Receiver" : "Sender") {
    super(message);
    this.name = code;
    this.code = code;
    this.status = status;
    this.fault = fault;
  }
}

export interface AwsErrorClass {
  new (message: string): AwsError;
  readonly code: string;
  readonly status: number;
}

/** Declares one catalogue entry: a subclass with a fixed code and status. */
function defineError(code: string, status: number): AwsErrorClass {
  const cls = class extends AwsError {
    static readonly code = code;
    static readonly status = status;
    constructor(message: string) {
      super(code, message, status);
    }
  };
  Object.defineProperty(cls, "name", { value: code.replace(/\./g, "") });
  return cls;
}

// ---- common to every query service (AWS CommonErrors) -------------------------------------------
export const MissingAction = defineError("MissingAction", 400);
export const InvalidAction = defineError("InvalidAction", 400);
export const MissingParameter = defineError("MissingParameter", 400);
export const InvalidParameterValue = defineError("InvalidParameterValue", 400);
export const InvalidParameterCombination = defineError("InvalidParameterCombination", 400);
export const MalformedQueryString = defineError("MalformedQueryString", 404);
export const NoSuchVersion = defineError("NoSuchVersion", 400);
export const NotImplemented = defineError("NotImplemented", 501);
export const InternalFailure = defineError("InternalFailure", 500);
export const RequestEntityTooLarge = defineError("RequestEntityTooLarge", 413);
export const MethodNotAllowed = defineError("MethodNotAllowed", 405);
/**
 * The store stayed locked by another process sharing the data directory past the retry bound
 * (message "Rate exceeded", as AWS's throttled query calls answer). Throttling, not a 5xx: the lock
 * is held because of other clients' load, both SDKs retry this code (JS: @smithy/core's
 * THROTTLING_ERROR_CODES; botocore: the general `throttling` retry policy) with their longer
 * throttling backoff, and it is a Sender-side condition that never logs as a server fault.
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
 */
export const Throttling = defineError("Throttling", 400);
/** The server cannot serve the request for now (the database file went away): 503, Receiver, retried by the SDKs. */
export const ServiceUnavailable = defineError("ServiceUnavailable", 503);

// ---- authentication (SigV4) ------------------------------------------------------------------------
export const MissingAuthenticationToken = defineError("MissingAuthenticationToken", 403);
export const IncompleteSignature = defineError("IncompleteSignature", 400);
export const InvalidClientTokenId = defineError("InvalidClientTokenId", 403);
export const SignatureDoesNotMatch = defineError("SignatureDoesNotMatch", 403);
export const RequestExpired = defineError("RequestExpired", 400);

// ---- admin routes (/_redshift-local/…; not AWS APIs, answered as JSON) -----------------------------
/** A Host header that is not the listen address, localhost or an --allowed-host name (DNS rebinding). */
export const HostNotAllowed = defineError("HostNotAllowed", 403);
/** A request a browser sent on behalf of another origin (CSRF): foreign Origin or Sec-Fetch-Site. */
export const CrossOriginRequestRefused = defineError("CrossOriginRequestRefused", 403);

// ---- Redshift (model error codes; Appendix A) ----------------------------------------------------
export const AccessToClusterDenied = defineError("AccessToClusterDenied", 400);
export const AccessToSnapshotDenied = defineError("AccessToSnapshotDenied", 400);
export const AuthorizationAlreadyExists = defineError("AuthorizationAlreadyExists", 400);
export const AuthorizationNotFound = defineError("AuthorizationNotFound", 404);
export const AuthorizationQuotaExceeded = defineError("AuthorizationQuotaExceeded", 400);
export const InvalidRestore = defineError("InvalidRestore", 406);
export const AuthenticationProfileAlreadyExistsFault = defineError("AuthenticationProfileAlreadyExistsFault", 400);
export const AuthenticationProfileNotFoundFault = defineError("AuthenticationProfileNotFoundFault", 404);
export const AuthenticationProfileQuotaExceededFault = defineError("AuthenticationProfileQuotaExceededFault", 400);
export const InvalidAuthenticationProfileRequestFault = defineError("InvalidAuthenticationProfileRequestFault", 400);
export const InvalidUsageLimit = defineError("InvalidUsageLimit", 400);
export const LimitExceededFault = defineError("LimitExceededFault", 400);
export const UsageLimitNotFound = defineError("UsageLimitNotFound", 404);
export const ClusterAlreadyExists = defineError("ClusterAlreadyExists", 400);
export const ClusterNotFound = defineError("ClusterNotFound", 404);
export const ClusterQuotaExceeded = defineError("ClusterQuotaExceeded", 400);
export const ClusterParameterGroupAlreadyExists = defineError("ClusterParameterGroupAlreadyExists", 400);
export const ClusterParameterGroupNotFound = defineError("ClusterParameterGroupNotFound", 404);
export const ClusterParameterGroupQuotaExceeded = defineError("ClusterParameterGroupQuotaExceeded", 400);
export const ClusterSecurityGroupNotFound = defineError("ClusterSecurityGroupNotFound", 404);
export const ClusterSubnetGroupAlreadyExists = defineError("ClusterSubnetGroupAlreadyExists", 400);
export const ClusterSubnetGroupNotFoundFault = defineError("ClusterSubnetGroupNotFoundFault", 400);
export const ClusterSubnetGroupQuotaExceeded = defineError("ClusterSubnetGroupQuotaExceeded", 400);
export const ClusterSubnetQuotaExceededFault = defineError("ClusterSubnetQuotaExceededFault", 400);
export const EndpointAlreadyExists = defineError("EndpointAlreadyExists", 400);
export const EndpointAuthorizationAlreadyExists = defineError("EndpointAuthorizationAlreadyExists", 400);
export const EndpointAuthorizationNotFound = defineError("EndpointAuthorizationNotFound", 404);
export const EndpointAuthorizationsPerClusterLimitExceeded = defineError("EndpointAuthorizationsPerClusterLimitExceeded", 400);
export const EndpointNotFound = defineError("EndpointNotFound", 404);
export const EndpointsPerAuthorizationLimitExceeded = defineError("EndpointsPerAuthorizationLimitExceeded", 400);
export const EndpointsPerClusterLimitExceeded = defineError("EndpointsPerClusterLimitExceeded", 400);
export const InsufficientClusterCapacity = defineError("InsufficientClusterCapacity", 400);
export const InvalidAuthorizationState = defineError("InvalidAuthorizationState", 400);
export const InvalidClusterParameterGroupState = defineError("InvalidClusterParameterGroupState", 400);
export const InvalidClusterSecurityGroupState = defineError("InvalidClusterSecurityGroupState", 400);
export const InvalidClusterState = defineError("InvalidClusterState", 400);
export const InvalidClusterSnapshotScheduleState = defineError("InvalidClusterSnapshotScheduleState", 400);
export const InvalidClusterSnapshotState = defineError("InvalidClusterSnapshotState", 400);
export const InvalidRetentionPeriodFault = defineError("InvalidRetentionPeriodFault", 400);
export const ClusterSnapshotAlreadyExists = defineError("ClusterSnapshotAlreadyExists", 400);
export const ClusterSnapshotNotFound = defineError("ClusterSnapshotNotFound", 404);
export const ClusterSnapshotQuotaExceeded = defineError("ClusterSnapshotQuotaExceeded", 400);
export const BatchDeleteRequestSizeExceeded = defineError("BatchDeleteRequestSizeExceeded", 400);
export const BatchModifyClusterSnapshotsLimitExceededFault = defineError("BatchModifyClusterSnapshotsLimitExceededFault", 400);
export const InvalidSchedule = defineError("InvalidSchedule", 400);
export const InvalidScheduledAction = defineError("InvalidScheduledAction", 400);
export const ScheduledActionAlreadyExists = defineError("ScheduledActionAlreadyExists", 400);
export const ScheduledActionNotFound = defineError("ScheduledActionNotFound", 400);
export const ScheduledActionQuotaExceeded = defineError("ScheduledActionQuotaExceeded", 400);
export const ScheduledActionTypeUnsupported = defineError("ScheduledActionTypeUnsupported", 400);
export const ScheduleDefinitionTypeUnsupported = defineError("ScheduleDefinitionTypeUnsupported", 400);
export const SnapshotScheduleAlreadyExists = defineError("SnapshotScheduleAlreadyExists", 400);
export const SnapshotScheduleNotFound = defineError("SnapshotScheduleNotFound", 400);
export const SnapshotScheduleQuotaExceeded = defineError("SnapshotScheduleQuotaExceeded", 400);
export const InvalidS3BucketNameFault = defineError("InvalidS3BucketNameFault", 400);
export const InvalidS3KeyPrefixFault = defineError("InvalidS3KeyPrefixFault", 400);
export const InvalidClusterSubnetGroupStateFault = defineError("InvalidClusterSubnetGroupStateFault", 400);
export const InvalidClusterSubnetStateFault = defineError("InvalidClusterSubnetStateFault", 400);
export const InvalidEndpointState = defineError("InvalidEndpointState", 400);
export const InvalidSubnet = defineError("InvalidSubnet", 400);
export const InvalidVPCNetworkStateFault = defineError("InvalidVPCNetworkStateFault", 400);
export const NumberOfNodesPerClusterLimitExceeded = defineError("NumberOfNodesPerClusterLimitExceeded", 400);
export const NumberOfNodesQuotaExceeded = defineError("NumberOfNodesQuotaExceeded", 400);
export const SubnetAlreadyInUse = defineError("SubnetAlreadyInUse", 400);
export const TagLimitExceededFault = defineError("TagLimitExceededFault", 400);
export const InvalidTagFault = defineError("InvalidTagFault", 400);
export const ResourceNotFoundFault = defineError("ResourceNotFoundFault", 404);
export const UnauthorizedOperation = defineError("UnauthorizedOperation", 400);
export const UnsupportedOperation = defineError("UnsupportedOperation", 400);
export const UnsupportedOptionFault = defineError("UnsupportedOptionFault", 400);
export const InvalidClusterTrack = defineError("InvalidClusterTrack", 400);

// ---- EC2 (unmodelled; codes as EC2 documents them) ------------------------------------------------
export const InvalidVpcIDNotFound = defineError("InvalidVpcID.NotFound", 400);
export const InvalidSubnetIDNotFound = defineError("InvalidSubnetID.NotFound", 400);
export const InvalidRouteTableIDNotFound = defineError("InvalidRouteTableID.NotFound", 400);
export const InvalidNetworkAclIDNotFound = defineError("InvalidNetworkAclID.NotFound", 400);
export const InvalidGroupNotFound = defineError("InvalidGroup.NotFound", 400);
export const InvalidNetworkInterfaceIDNotFound = defineError("InvalidNetworkInterfaceID.NotFound", 400);
export const InvalidPermissionDuplicate = defineError("InvalidPermission.Duplicate", 400);
export const InvalidPermissionNotFound = defineError("InvalidPermission.NotFound", 400);
export const InvalidSecurityGroupRuleIdNotFound = defineError("InvalidSecurityGroupRuleId.NotFound", 400);
export const InvalidID = defineError("InvalidID", 400);
export const InvalidPrefixListIDNotFound = defineError("InvalidPrefixListID.NotFound", 400);
export const RulesPerSecurityGroupLimitExceeded = defineError("RulesPerSecurityGroupLimitExceeded", 400);
export const InvalidGroupDuplicate = defineError("InvalidGroup.Duplicate", 400);
export const InvalidGroupReserved = defineError("InvalidGroup.Reserved", 400);
export const InvalidVpcRange = defineError("InvalidVpc.Range", 400);
export const InvalidSubnetRange = defineError("InvalidSubnet.Range", 400);
export const InvalidSubnetConflict = defineError("InvalidSubnet.Conflict", 400);
export const InvalidParameter = defineError("InvalidParameter", 400);
export const DependencyViolation = defineError("DependencyViolation", 400);
export const CannotDelete = defineError("CannotDelete", 400);
export const DryRunOperation = defineError("DryRunOperation", 412);
export const InvalidPaginationToken = defineError("InvalidPaginationToken", 400);
export const TagLimitExceeded = defineError("TagLimitExceeded", 400);
export const OperationNotPermitted = defineError("OperationNotPermitted", 400);
export const FilterLimitExceeded = defineError("FilterLimitExceeded", 400);

/** A bug or broken invariant inside redshift-local (never a client mistake). */
export class InternalError extends Error {
  override readonly name = "InternalError";
}
