"""One boto3 call against a redshift-local endpoint, reported as a JSON line on stdout.

Used by test/e2e/boto3.test.ts:  python3 boto3_probe.py <endpoint-url> <step>
Credentials and region come from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
AWS_DEFAULT_REGION). Retries are off so a failure is reported once, as botocore parsed it.

The point is what botocore reads from the wire: the request id from the XML body (botocore never
looks at x-amzn-RequestId), the typed exception from the error <Code>, the status.
"""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError


def client(service, endpoint):
    return boto3.client(service, endpoint_url=endpoint, config=Config(retries={"total_max_attempts": 1}))


def metadata(response):
    meta = response["ResponseMetadata"]
    return {
        "RequestId": meta.get("RequestId"),
        "HeaderRequestId": meta.get("HTTPHeaders", {}).get("x-amzn-requestid"),
        "HTTPStatusCode": meta.get("HTTPStatusCode"),
    }


def failure(exc):
    out = {"exception": type(exc).__name__, "Error": exc.response.get("Error", {})}
    out.update(metadata(exc.response))
    return out


def run(endpoint, step):
    if step == "identity":
        r = client("sts", endpoint).get_caller_identity()
        return {"Account": r["Account"], "Arn": r["Arn"], **metadata(r)}
    if step == "describe-clusters":
        r = client("redshift", endpoint).describe_clusters()
        return {"Clusters": r["Clusters"], **metadata(r)}
    if step == "cluster-not-found":
        redshift = client("redshift", endpoint)
        try:
            redshift.describe_clusters(ClusterIdentifier="nope")
        except redshift.exceptions.ClusterNotFoundFault as exc:
            return {"typed": True, **failure(exc)}
        except ClientError as exc:
            return {"typed": False, **failure(exc)}
        return {"typed": False, "exception": None}
    if step == "describe-vpcs":
        r = client("ec2", endpoint).describe_vpcs()
        vpcs = [{"VpcId": v["VpcId"], "IsDefault": v["IsDefault"], "CidrBlock": v["CidrBlock"], "State": v["State"]} for v in r["Vpcs"]]
        return {"Vpcs": vpcs, **metadata(r)}
    if step == "vpc-not-found":
        try:
            client("ec2", endpoint).describe_vpcs(VpcIds=["vpc-0123456789abcdef0"])
        except ClientError as exc:
            return failure(exc)
        return {"exception": None}
    if step == "not-implemented":
        try:
            client("redshift", endpoint).create_hsm_client_certificate(HsmClientCertificateIdentifier="h1")
        except ClientError as exc:
            return failure(exc)
        return {"exception": None}
    if step == "no-output":
        # Operations without output members: botocore raises ResponseParserError on an empty body.
        ec2 = client("ec2", endpoint)
        redshift = client("redshift", endpoint)
        vpc = ec2.create_vpc(CidrBlock="10.7.0.0/16")["Vpc"]["VpcId"]
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.7.1.0/24")["Subnet"]["SubnetId"]
        redshift.create_cluster_subnet_group(ClusterSubnetGroupName="probe", Description="probe", SubnetIds=[subnet])
        deleted_group = redshift.delete_cluster_subnet_group(ClusterSubnetGroupName="probe")
        ec2.delete_subnet(SubnetId=subnet)
        deleted_vpc = ec2.delete_vpc(VpcId=vpc)
        return {"DeleteClusterSubnetGroup": metadata(deleted_group), "DeleteVpc": metadata(deleted_vpc)}
    raise SystemExit(f"unknown step {step!r}")


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1], sys.argv[2]), default=str))
