import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  cidrContains,
  cidrSize,
  cidrsOverlap,
  formatCidr,
  formatIp,
  ipInCidr,
  nthAddress,
  parseCidr,
  parseIp,
  usableAddresses,
} from "../../src/domain/network/cidr.js";

const cidr = (text: string) => {
  const c = parseCidr(text);
  assert.ok(c, `${text} parses`);
  return c;
};

describe("cidr: parsing", () => {
  it("parseIp: reads four decimal octets into an unsigned 32-bit number", () => {
    assert.equal(parseIp("0.0.0.0"), 0);
    assert.equal(parseIp("10.0.0.1"), 167772161);
    assert.equal(parseIp("255.255.255.255"), 4294967295);
  });

  it("parseIp: refuses out-of-range octets, leading zeros, wrong arity and junk", () => {
    for (const bad of ["256.0.0.0", "10.0.0", "10.0.0.0.0", "010.0.0.1", "a.b.c.d", "", "10..0.1", " 10.0.0.1", "1e1.0.0.1"]) {
      assert.equal(parseIp(bad), undefined, bad);
    }
  });

  it("formatIp: is the inverse of parseIp", () => {
    for (const ip of ["0.0.0.0", "10.0.0.1", "172.31.255.254", "255.255.255.255"]) assert.equal(formatIp(parseIp(ip)!), ip);
  });

  it("parseCidr: reads a network block and formats it back unchanged", () => {
    for (const text of ["10.0.0.0/16", "172.31.16.0/20", "0.0.0.0/0", "192.168.1.7/32", "10.0.0.16/28"]) {
      assert.equal(formatCidr(cidr(text)), text);
    }
    assert.deepEqual(parseCidr("10.0.0.0/8"), { base: 167772160, prefix: 8 });
  });

  it("parseCidr: refuses a block with host bits set (an address, not a network)", () => {
    assert.equal(parseCidr("10.0.0.1/16"), undefined);
    assert.equal(parseCidr("10.0.1.0/16"), undefined);
    assert.equal(parseCidr("10.0.0.8/28"), undefined);
  });

  it("parseCidr: refuses malformed text", () => {
    for (const bad of ["10.0.0.0", "10.0.0.0/", "10.0.0.0/33", "10.0.0.0/016", "10.0.0.0/-1", "10.0.0.0/1.5", "300.0.0.0/8", "10.0.0.0/16/1", "vpc"]) {
      assert.equal(parseCidr(bad), undefined, bad);
    }
  });
});

describe("cidr: arithmetic", () => {
  it("cidrSize: counts the addresses of a block", () => {
    assert.equal(cidrSize(cidr("10.0.0.0/16")), 65536);
    assert.equal(cidrSize(cidr("10.0.0.0/28")), 16);
    assert.equal(cidrSize(cidr("0.0.0.0/0")), 4294967296);
    assert.equal(cidrSize(cidr("10.0.0.5/32")), 1);
  });

  it("usableAddresses: subtracts the five addresses AWS reserves per subnet", () => {
    assert.equal(usableAddresses(cidr("10.0.0.0/24")), 251);
    assert.equal(usableAddresses(cidr("172.31.0.0/20")), 4091);
    assert.equal(usableAddresses(cidr("10.0.0.0/28")), 11);
  });

  it("cidrContains: a block contains itself and its sub-blocks, not its neighbours or parents", () => {
    const vpc = cidr("10.0.0.0/16");
    assert.ok(cidrContains(vpc, vpc));
    assert.ok(cidrContains(vpc, cidr("10.0.255.240/28")));
    assert.ok(!cidrContains(vpc, cidr("10.1.0.0/24")));
    assert.ok(!cidrContains(vpc, cidr("10.0.0.0/15")));
    assert.ok(cidrContains(cidr("0.0.0.0/0"), cidr("255.255.255.255/32")));
  });

  it("cidrsOverlap: detects nesting in either direction and rejects adjacent blocks", () => {
    assert.ok(cidrsOverlap(cidr("10.0.0.0/24"), cidr("10.0.0.128/25")));
    assert.ok(cidrsOverlap(cidr("10.0.0.128/25"), cidr("10.0.0.0/24")));
    assert.ok(!cidrsOverlap(cidr("10.0.0.0/25"), cidr("10.0.0.128/25")));
    assert.ok(!cidrsOverlap(cidr("10.0.0.0/24"), cidr("10.0.1.0/24")));
  });

  it("ipInCidr: tells whether an address lies inside a block, high addresses included", () => {
    assert.ok(ipInCidr(parseIp("10.0.3.7")!, cidr("10.0.0.0/16")));
    assert.ok(!ipInCidr(parseIp("10.1.0.0")!, cidr("10.0.0.0/16")));
    assert.ok(ipInCidr(parseIp("255.255.255.254")!, cidr("255.255.255.0/24")));
  });

  it("nthAddress: returns the n-th address of a block and refuses addresses outside it", () => {
    const subnet = cidr("10.0.1.0/24");
    assert.equal(nthAddress(subnet, 0), "10.0.1.0");
    assert.equal(nthAddress(subnet, 4), "10.0.1.4");
    assert.equal(nthAddress(subnet, 255), "10.0.1.255");
    assert.equal(nthAddress(cidr("192.168.0.0/16"), 300), "192.168.1.44");
    assert.throws(() => nthAddress(subnet, 256), RangeError);
    assert.throws(() => nthAddress(subnet, -1), RangeError);
    assert.throws(() => nthAddress(subnet, 1.5), RangeError);
  });
});
