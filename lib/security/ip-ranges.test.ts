import { describe, expect, it } from 'vitest';
import { isInCidrList, isPublicAddress, parseAddress, parseCidr, parseCidrList } from './ip-ranges';

/** The host a URL connects to, as safe-fetch reads it (brackets kept for IPv6). */
const hostOf = (url: string) => new URL(url).hostname;

describe('isPublicAddress', () => {
  it.each([
    ['0.0.0.0', '0/8'],
    ['0.1.2.3', '0/8'],
    ['10.0.0.1', '10/8'],
    ['10.255.255.255', '10/8'],
    ['100.64.0.1', 'CGNAT'],
    ['100.127.255.254', 'CGNAT'],
    ['127.0.0.1', 'loopback'],
    ['127.255.1.2', 'loopback'],
    ['169.254.169.254', 'link-local / cloud metadata'],
    ['172.16.0.1', '172.16/12'],
    ['172.31.255.255', '172.16/12'],
    ['192.0.0.8', '192.0.0/24'],
    ['192.0.2.10', 'TEST-NET-1'],
    ['192.88.99.1', '6to4 relay'],
    ['192.168.1.1', '192.168/16'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.1', 'benchmarking'],
    ['198.51.100.7', 'TEST-NET-2'],
    ['203.0.113.9', 'TEST-NET-3'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
  ])('refuses IPv4 %s (%s)', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each(['1.1.1.1', '8.8.8.8', '93.184.216.34', '100.63.255.255', '100.128.0.0', '172.15.255.255', '172.32.0.0', '192.167.255.255', '198.17.255.255', '198.20.0.0', '223.255.255.255', '11.0.0.0', '126.255.255.255', '128.0.0.0', '169.253.0.1', '192.0.1.1'])(
    'allows public IPv4 %s',
    (ip) => {
      expect(isPublicAddress(ip)).toBe(true);
    },
  );

  it.each([
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback, long form'],
    ['[::1]', 'loopback in URL brackets'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'],
    ['::ffff:10.1.2.3', 'IPv4-mapped private'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
    ['::127.0.0.1', 'IPv4-compatible loopback'],
    ['64:ff9b::7f00:1', 'NAT64 of loopback'],
    ['64:ff9b::10.0.0.1', 'NAT64 of private'],
    ['64:ff9b:1::1', 'local NAT64'],
    ['2002:7f00:1::1', '6to4 of loopback'],
    ['2002:c0a8:101::', '6to4 of 192.168.1.1'],
    ['100::1', 'discard-only'],
    ['2001::1', 'Teredo'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
    ['2001:db8::1', 'documentation'],
    ['2001:2::1', 'benchmarking'],
    ['fc00::1', 'unique local'],
    ['fd12:3456:789a::1', 'unique local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local with a zone id'],
    ['febf::1', 'link-local (top of fe80::/10)'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['ff05::1:3', 'multicast'],
    ['4000::1', 'not global unicast'],
  ])('refuses IPv6 %s (%s)', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each(['2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8', '::ffff:0808:0808', '64:ff9b::808:808', '2002:808:808::1', '2001:4860:4860::8888', '2a03:2880:f12f:83:face:b00c:0:25de'])(
    'allows public IPv6 %s',
    (ip) => {
      expect(isPublicAddress(ip)).toBe(true);
    },
  );

  it.each(['', ' ', 'localhost', 'example.com', '2130706433', '0x7f.1', '0177.0.0.1', '127.1', '256.0.0.1', '1.2.3', '1.2.3.4.5', ':::1', '::1::', 'fe80::1%', '1.2.3.4/8', '[::1', 'gggg::1', null, undefined, 42])('treats %j as not an address (refused)', (input) => {
    expect(isPublicAddress(input as string)).toBe(false);
  });

  it('sees the address WHATWG URL parsing gives odd IPv4 notations (decimal, hex, octal, short)', () => {
    // new URL normalises these to dotted quads: safe-fetch checks the hostname URL gives it.
    expect(hostOf('http://2130706433/')).toBe('127.0.0.1');
    expect(hostOf('http://0x7f.1/')).toBe('127.0.0.1');
    expect(hostOf('http://0177.0.0.1/')).toBe('127.0.0.1');
    expect(hostOf('http://127.1/')).toBe('127.0.0.1');
    expect(hostOf('http://0xa9fea9fe/')).toBe('169.254.169.254');
    for (const url of ['http://2130706433/', 'http://0x7f.1/', 'http://0177.0.0.1/', 'http://127.1/', 'http://0xa9fea9fe/', 'http://[::ffff:127.0.0.1]/', 'http://[::1]/', 'http://[0:0:0:0:0:0:0:1]/']) {
      expect(isPublicAddress(hostOf(url)), url).toBe(false);
    }
    expect(isPublicAddress(hostOf('http://134744072/'))).toBe(true); // 8.8.8.8
  });
});

describe('parseAddress', () => {
  it('expands IPv6 forms to the same bytes', () => {
    const a = parseAddress('::ffff:127.0.0.1');
    const b = parseAddress('0:0:0:0:0:ffff:7f00:0001');
    expect(a?.family).toBe(6);
    expect(Array.from(a!.bytes)).toEqual(Array.from(b!.bytes));
    expect(Array.from(parseAddress('1::')!.bytes)).toEqual([0, 1, ...Array<number>(14).fill(0)]);
    expect(Array.from(parseAddress('10.1.2.3')!.bytes)).toEqual([10, 1, 2, 3]);
  });
});

describe('parseCidr / parseCidrList / isInCidrList', () => {
  it('parses blocks and bare addresses', () => {
    expect(parseCidr('127.0.0.0/8')).toMatchObject({ family: 4, prefix: 8 });
    expect(parseCidr('::1/128')).toMatchObject({ family: 6, prefix: 128 });
    expect(parseCidr('10.0.0.5')).toMatchObject({ family: 4, prefix: 32 });
    expect(parseCidr(' fd00::/8 ')).toMatchObject({ family: 6, prefix: 8 });
  });

  it.each(['', '127.0.0.0/33', '::/129', '127.0.0.0/', '127.0.0.0/-1', '127.0.0.0/8/8', 'localhost/8', '1.2.3/24', 'fe80::1%eth0/64', '10.0.0.0/08x'])('refuses the block %j', (text) => {
    expect(parseCidr(text)).toBeNull();
  });

  it('reads the env list (commas and spaces), empty as none, and throws on a bad entry', () => {
    expect(parseCidrList(undefined)).toEqual([]);
    expect(parseCidrList('')).toEqual([]);
    const list = parseCidrList('127.0.0.0/8, ::1/128 10.1.0.0/16');
    expect(list).toHaveLength(3);
    expect(() => parseCidrList('127.0.0.0/8,nonsense')).toThrow(/"nonsense" is not an address block/);
  });

  it('matches addresses inside the blocks, IPv4-mapped IPv6 against IPv4 blocks', () => {
    const list = parseCidrList('127.0.0.0/8,::1/128,10.1.0.0/16');
    expect(isInCidrList('127.0.0.1', list)).toBe(true);
    expect(isInCidrList('127.200.3.4', list)).toBe(true);
    expect(isInCidrList('::1', list)).toBe(true);
    expect(isInCidrList('::ffff:127.0.0.1', list)).toBe(true);
    expect(isInCidrList('10.1.255.255', list)).toBe(true);
    expect(isInCidrList('10.2.0.0', list)).toBe(false);
    expect(isInCidrList('192.168.0.1', list)).toBe(false);
    expect(isInCidrList('::2', list)).toBe(false);
    expect(isInCidrList('not an ip', list)).toBe(false);
    expect(isInCidrList('127.0.0.1', [])).toBe(false);
  });

  it('handles prefixes that are not multiples of 8', () => {
    const list = parseCidrList('100.64.0.0/10');
    expect(isInCidrList('100.127.255.255', list)).toBe(true);
    expect(isInCidrList('100.128.0.0', list)).toBe(false);
    expect(isInCidrList('100.63.255.255', list)).toBe(false);
  });
});
