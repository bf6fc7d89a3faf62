// The SSRF range classifier: IPv4, IPv6 and IPv6 forms that carry an IPv4 address, and the allowlist.
import { describe, expect, it } from 'vitest';
import { classifyIp, IpAllowlist, parseIpv6, vetIp } from '../../src/server/modules/link-checks/ip-ranges.ts';

const none = new IpAllowlist([]);

describe('classifyIp — IPv4', () => {
  it.each([
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.255', 'carrierGradeNat'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['169.254.169.254', 'linkLocal'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.1', 'private'],
    ['192.0.2.1', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
  ])('%s is %s', (ip, range) => {
    expect(classifyIp(ip)).toEqual({ family: 4, range });
  });

  it.each(['8.8.8.8', '1.1.1.1', '100.63.255.255', '100.128.0.0', '172.15.255.255', '172.32.0.0', '202.108.22.5'])(
    '%s is public',
    (ip) => {
      expect(classifyIp(ip)?.range).toBe('unicast');
    },
  );

  it('is not fooled by non-canonical spellings (URL parsing and DNS produce canonical ones)', () => {
    for (const text of ['010.0.0.1', '1.2.3', '0x7f.0.0.1', '256.1.1.1', '1.2.3.4.5', 'localhost', '']) {
      expect(classifyIp(text)).toBeNull();
    }
  });
});

describe('classifyIp — IPv6', () => {
  it.each([
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['fe80::1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['febf::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['fec0::1', 'siteLocal'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['2001:0:4136:e378::1', 'reserved'],
    ['100::1', 'reserved'],
    ['::a00:1', 'reserved'],
    ['2a00:1450::1', 'unicast'],
    ['4000::1', 'reserved'],
  ])('%s is %s', (ip, range) => {
    expect(classifyIp(ip)).toEqual({ family: 6, range });
  });

  it.each(['2400:3200::1', '2001:4860:4860::8888', '240e:1::1'])('%s is public', (ip) => {
    expect(classifyIp(ip)?.range).toBe('unicast');
  });

  it('classifies IPv4-mapped, NAT64 and 6to4 addresses by the IPv4 address inside', () => {
    expect(classifyIp('::ffff:10.0.0.1')).toEqual({ family: 6, range: 'private', embeddedV4: '10.0.0.1' });
    expect(classifyIp('::ffff:a00:1')).toEqual({ family: 6, range: 'private', embeddedV4: '10.0.0.1' });
    expect(classifyIp('::ffff:169.254.169.254')?.range).toBe('linkLocal');
    expect(classifyIp('::ffff:127.0.0.1')?.range).toBe('loopback');
    expect(classifyIp('0:0:0:0:0:ffff:7f00:1')?.range).toBe('loopback');
    expect(classifyIp('64:ff9b::a9fe:a9fe')).toEqual({ family: 6, range: 'linkLocal', embeddedV4: '169.254.169.254' });
    expect(classifyIp('2002:c0a8:101::1')).toEqual({ family: 6, range: 'private', embeddedV4: '192.168.1.1' });
    expect(classifyIp('::ffff:8.8.8.8')).toEqual({ family: 6, range: 'unicast', embeddedV4: '8.8.8.8' });
  });

  it('rejects malformed addresses', () => {
    for (const text of ['1::2::3', '1:2:3:4:5:6:7:8:9', '12345::1', 'g::1', ':::', '1:2:3:4:5:6:7', '::ffff:1.2.3']) {
      expect(parseIpv6(text)).toBeNull();
    }
    expect(parseIpv6('1:2:3:4:5:6:7:8')).not.toBeNull();
    expect(parseIpv6('1:2:3:4:5:6:7::')).not.toBeNull();
  });
});

describe('vetIp and the allowlist', () => {
  it('refuses special ranges, allows public addresses', () => {
    expect(vetIp('10.0.0.1', none)).toEqual({ allowed: false, range: 'private' });
    expect(vetIp('169.254.169.254', none)).toEqual({ allowed: false, range: 'linkLocal' });
    expect(vetIp('::ffff:10.0.0.1', none)).toEqual({ allowed: false, range: 'private' });
    expect(vetIp('not-an-ip', none)).toEqual({ allowed: false, range: 'invalid' });
    expect(vetIp('202.108.22.5', none)).toEqual({ allowed: true });
  });

  it('lets exactly the listed addresses and blocks through, mapped forms included', () => {
    const allow = new IpAllowlist(['127.0.0.1', ' 10.1.0.0/16 ', 'fd00::/8', '']);
    expect(allow.size).toBe(3);
    expect(vetIp('127.0.0.1', allow)).toEqual({ allowed: true });
    expect(vetIp('::ffff:127.0.0.1', allow)).toEqual({ allowed: true });
    expect(vetIp('127.0.0.2', allow)).toEqual({ allowed: false, range: 'loopback' });
    expect(vetIp('10.1.200.3', allow)).toEqual({ allowed: true });
    expect(vetIp('10.2.0.1', allow)).toEqual({ allowed: false, range: 'private' });
    expect(vetIp('fd00::5', allow)).toEqual({ allowed: true });
    expect(vetIp('fc00::5', allow)).toEqual({ allowed: false, range: 'uniqueLocal' });
  });

  it('fails loudly on a malformed allowlist entry', () => {
    expect(() => new IpAllowlist(['10.0.0.0/33'])).toThrow(/GOVSITE_LINKCHECK_ALLOW/);
    expect(() => new IpAllowlist(['intranet'])).toThrow(/GOVSITE_LINKCHECK_ALLOW/);
  });
});
