import { canonicalizedQuery, percentEncode, rpcSignature, rpcTimestamp } from './aliyun-signature';

describe('Aliyun RPC signature (HMAC-SHA1, SignatureVersion 1.0)', () => {
  // The worked example of Aliyun's SMS documentation ("HTTP协议及签名", help.aliyun.com/document_detail/56189):
  // AccessKey testId / testSecret, a SendSms request, and the signature it gives.
  it('reproduces the SendSms example of the Aliyun SMS documentation', () => {
    const params = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    expect(rpcSignature('GET', params, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  // The same scheme's example for the voice API of the same product family (dyvmsapi, version 2017-05-25), as
  // Aliyun's developer community documents it: developer.aliyun.com/ask/218386.
  it('reproduces the documented SingleCallByTts example', () => {
    const params = {
      AccessKeyId: 'testId',
      Action: 'SingleCallByTts',
      CalledNumber: '13000000000',
      CalledShowNumber: '057112345678',
      Format: 'XML',
      OutId: '123',
      RegionId: 'cn-hangzhou',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: 'f7d2d4ef-6d5f-4da4-86ed-88e001a66abb',
      SignatureVersion: '1.0',
      Timestamp: '2017-09-28T14:31:56Z',
      TtsCode: 'TTS_0000000',
      TtsParam: '{"code":"1234","product":"test"}',
      Version: '2017-05-25',
    };
    expect(rpcSignature('GET', params, 'testSecret')).toBe('aMfgrx8DLS7vLfpeR1c2rrKLr0Q=');
  });

  it('encodes per RFC 3986: space as %20, * as %2A, ~ kept, UTF-8 bytes for Chinese', () => {
    expect(percentEncode("a b*c~d!'()")).toBe('a%20b%2Ac~d%21%27%28%29');
    expect(percentEncode('章')).toBe('%E7%AB%A0');
  });

  it('sorts parameters by name and leaves the Signature out of what is signed', () => {
    expect(canonicalizedQuery({ b: '2', Signature: 'x', a: '1', B: '3' })).toBe('B=3&a=1&b=2');
  });

  it('stamps requests in UTC to the second', () => {
    expect(rpcTimestamp(new Date('2026-11-23T08:09:10.123+08:00'))).toBe('2026-11-23T00:09:10Z');
  });
});
