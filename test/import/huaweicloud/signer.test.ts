import { describe, expect, it } from 'vitest';
import { formatSdkDate, signRequest } from '../../../src/import/huaweicloud/signer.js';

// Test vectors of the official Go SDK (huaweicloud-sdk-go-v3 core/auth/signer/signer_test.go).
const base = { accessKey: 'AccessKey', secretKey: 'SecretKey', date: new Date('2006-01-02T15:04:05Z') };

describe('signRequest (SDK-HMAC-SHA256)', () => {
  it('reproduces the official SDK signature of a GET with a query', () => {
    const signed = signRequest({
      ...base,
      method: 'GET',
      url: new URL('https://example.huaweicloud.com/path?limit=1'),
      headers: {},
      body: '',
    });
    expect(signed['X-Sdk-Date']).toBe('20060102T150405Z');
    expect(signed.Authorization).toBe(
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624',
    );
  });

  it('reproduces the official SDK signature of a POST with a JSON body', () => {
    const signed = signRequest({
      ...base,
      method: 'POST',
      url: new URL('https://example.huaweicloud.com/path?key=value'),
      headers: {},
      body: '{"Name":"test","Id":1}\n',
    });
    expect(signed.Authorization).toContain(
      'Signature=cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59',
    );
  });

  it('signs every given header, lower-cased and sorted, and changes with the secret', () => {
    const input = {
      ...base,
      method: 'GET',
      url: new URL('https://vpc.cn-north-4.myhuaweicloud.com/v3/p/vpc/vpcs?marker=b&limit=2'),
      headers: { Host: 'vpc.cn-north-4.myhuaweicloud.com', 'Content-Type': 'application/json' },
      body: '',
    };
    const a = signRequest(input);
    expect(a.Authorization).toMatch(/SignedHeaders=content-type;host;x-sdk-date, Signature=[0-9a-f]{64}$/);
    expect(signRequest({ ...input, secretKey: 'other' }).Authorization).not.toBe(a.Authorization);
    expect(a.Authorization).not.toContain('SecretKey');
  });

  it('formats X-Sdk-Date as basic ISO 8601 in UTC', () => {
    expect(formatSdkDate(new Date('2024-03-01T02:10:11.123Z'))).toBe('20240301T021011Z');
  });
});
