import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCli } from "../../src/cli/parse.js";
import { start, usageError } from "./parse-helpers.js";

describe("parseCli: fault injection flags", () => {
  it("parseCli: --fault is repeatable and reaches the faults option; --fault-seed the faultSeed option", () => {
    const o = start(["--fault", "redshift:AuthorizeEndpointAccess,error=Throttling,count=2", "--fault", "hold=endpoint-create,for=10m", "--fault-seed", "42"]);
    assert.deepEqual(o.faults, ["redshift:AuthorizeEndpointAccess,error=Throttling,count=2", "hold=endpoint-create,for=10m"]);
    assert.equal(o.faultSeed, 42);
  });

  it("parseCli: REDSHIFT_LOCAL_FAULT separates rules with ';' (a rule has commas); flags come after it", () => {
    const o = start(["--fault", "DescribeClusters,latency=1s"], {
      REDSHIFT_LOCAL_FAULT: "DescribeVpcs,error=RequestLimitExceeded,count=1; sts:*,error=InternalFailure",
      REDSHIFT_LOCAL_FAULT_SEED: "7",
    });
    assert.deepEqual(o.faults, ["DescribeVpcs,error=RequestLimitExceeded,count=1", "sts:*,error=InternalFailure", "DescribeClusters,latency=1s"]);
    assert.equal(o.faultSeed, 7);
  });

  it("parseCli: no --fault leaves the options without faults", () => {
    const o = start([]);
    assert.equal(o.faults, undefined);
    assert.equal(o.faultSeed, undefined);
  });

  it("parseCli: a bad fault rule is refused naming the flag, the rule and the mistake", () => {
    assert.match(usageError(["--fault", "DescribeClusters,error=Throttling,cuont=2"]), /^--fault 'DescribeClusters,error=Throttling,cuont=2': unknown key 'cuont'/);
    assert.match(usageError(["--fault", "DescribeClusters"]), /exactly one of error=CODE, latency=DURATION or hold=TRANSITION/);
    assert.match(usageError(["--fault", "hold=endpoint-born"]), /hold 'endpoint-born' is not a transition \(known: .*endpoint-create/);
    assert.match(usageError(["--fault", "s3:GetObject,error=Throttling"]), /service 's3' is not one of redshift, ec2, sts or \*/);
    assert.match(usageError(["--fault", "DescribeClusters,latency=soon"]), /latency: invalid duration 'soon'/);
    assert.match(usageError(["--fault", "DescribeClusters,error=Throttling,probability=2"]), /probability 2 must be a number in \(0, 1\]/);
    assert.match(usageError(["--fault", "x,error=A,id=same", "--fault", "y,error=B,id=same"]), /id 'same' already exists/);
    assert.match(usageError([], { REDSHIFT_LOCAL_FAULT: "DescribeClusters,error=Throttling,status=200" }), /^REDSHIFT_LOCAL_FAULT '.*': status 200 must be an HTTP error status, 400–599/);
  });

  it("parseCli: a --fault-seed that is not a 32-bit whole number is refused", () => {
    for (const bad of ["-1", "1.5", "x", "4294967296"]) assert.match(usageError([`--fault-seed=${bad}`]), /--fault-seed '.*' is not a seed/);
  });

  it("parseCli: --help documents --fault with an example and its ;-separated variable", () => {
    const cmd = parseCli(["--help"], {});
    assert.equal(cmd.kind, "help");
    const text = cmd.kind === "help" ? cmd.text : "";
    assert.match(text, /--fault SPEC/);
    assert.match(text, /redshift:AuthorizeEndpointAccess,error=Throttling,count=2/);
    assert.match(text, /env REDSHIFT_LOCAL_FAULT, semicolon-separated/);
    assert.match(text, /--fault-seed N/);
  });
});
