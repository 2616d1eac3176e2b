import { AddressPolicy, parseCidrList } from '../../../../shared/net/address-policy';

const denyAll = new AddressPolicy('');

describe('AddressPolicy with an empty allowlist', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.255', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:169.254.169.254', 'ipv4Mapped:linkLocal'],
    ['::ffff:a9fe:a9fe', 'ipv4Mapped:linkLocal'],
    ['::ffff:127.0.0.1', 'ipv4Mapped:loopback'],
    ['64:ff9b::a9fe:a9fe', 'rfc6052:linkLocal'],
    ['64:ff9b::7f00:1', 'rfc6052:loopback'],
    ['64:ff9b:1::a00:1', 'rfc6052:private'],
    ['2002:a9fe:a9fe::', '6to4:linkLocal'],
    ['2002:0a00:0001::1', '6to4:private'],
    // Teredo: server 169.254.169.254 in plain form.
    ['2001:0:a9fe:a9fe::1', 'teredo:linkLocal'],
    // Teredo: public server 8.8.8.8, client 10.0.0.1 obfuscated (every bit inverted).
    ['2001:0:808:808::f5ff:fffe', 'teredo:private'],
    ['::7f00:1', 'ipv4Compatible'],
    ['2001:db8::1', 'reserved'],
  ])('denies %s (%s)', (address, range) => {
    expect(denyAll.check(address)).toEqual({ allowed: false, range });
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.15.255.255',
    '172.32.0.0',
    '100.63.255.255',
    '100.128.0.0',
    '169.253.255.255',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
    '2001:0:808:808::f7f7:f7f7',
  ])('allows the public address %s', (address) => {
    expect(denyAll.check(address)).toEqual({ allowed: true, via: 'public' });
  });

  it.each(['localhost', '2130706433', '0177.0.0.1', '0x7f.0.0.1', '127.1', '', '1.2.3.4.5'])(
    'treats %p as not an address at all (only canonical forms get here)',
    (text) => {
      expect(denyAll.check(text)).toEqual({ allowed: false, range: 'invalid' });
    },
  );

  it('accepts bracketed IPv6 as URLs write it', () => {
    expect(denyAll.check('[::1]')).toEqual({ allowed: false, range: 'loopback' });
  });
});

describe('AddressPolicy with an allowlist', () => {
  const loopback = new AddressPolicy('127.0.0.0/8, ::1/128');

  it('allows the listed ranges and nothing else', () => {
    expect(loopback.check('127.0.0.1')).toEqual({ allowed: true, via: 'allowlist' });
    expect(loopback.check('::1')).toEqual({ allowed: true, via: 'allowlist' });
    expect(loopback.check('::ffff:127.0.0.1')).toEqual({ allowed: true, via: 'allowlist' });
    expect(loopback.check('10.0.0.1')).toEqual({ allowed: false, range: 'private' });
    expect(loopback.check('169.254.169.254')).toEqual({ allowed: false, range: 'linkLocal' });
  });

  it('takes a bare address as a single host and a list as well as a string', () => {
    const single = new AddressPolicy(['10.0.0.5']);
    expect(single.check('10.0.0.5')).toEqual({ allowed: true, via: 'allowlist' });
    expect(single.check('10.0.0.6')).toEqual({ allowed: false, range: 'private' });
  });

  it('fails loudly on a malformed entry', () => {
    expect(() => parseCidrList('127.0.0.0/8,not-a-cidr')).toThrow(/not-a-cidr/);
    expect(() => parseCidrList('10.0.0.0/40')).toThrow(/10.0.0.0\/40/);
    expect(parseCidrList(' , ')).toEqual([]);
  });
});
