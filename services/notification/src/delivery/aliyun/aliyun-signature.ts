import { createHmac } from 'node:crypto';

/**
 * Alibaba Cloud's RPC-style request signature (SignatureVersion 1.0, HMAC-SHA1), as its SMS API (dysmsapi,
 * version 2017-05-25) checks it.
 */

/** RFC 3986 percent-encoding: only A–Z a–z 0–9 - _ . ~ stay as they are; a space is %20, never +. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The parameters sorted by name, each name and value encoded, joined as a query string. */
export function canonicalizedQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((name) => name !== 'Signature')
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name])}`)
    .join('&');
}

export function stringToSign(httpMethod: 'GET' | 'POST', params: Record<string, string>): string {
  return `${httpMethod}&${percentEncode('/')}&${percentEncode(canonicalizedQuery(params))}`;
}

/** Base64 of HMAC-SHA1 over the string to sign, keyed with the AccessKey secret followed by "&". */
export function rpcSignature(
  httpMethod: 'GET' | 'POST',
  params: Record<string, string>,
  accessKeySecret: string,
): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign(httpMethod, params)).digest('base64');
}

/** yyyy-MM-ddTHH:mm:ssZ in UTC, the only timestamp form the API accepts. */
export function rpcTimestamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
