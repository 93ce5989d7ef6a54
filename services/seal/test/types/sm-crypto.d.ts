// sm-crypto (the original JuneAndGreen implementation) ships no types; the tests use it as a second, independent
// SM2/SM3 implementation to check the service's signatures against.
declare module 'sm-crypto' {
  export const sm2: {
    doVerifySignature(
      message: string,
      signature: string,
      publicKey: string,
      options?: { hash?: boolean; der?: boolean; userId?: string },
    ): boolean;
    doSignature(
      message: string,
      privateKey: string,
      options?: { hash?: boolean; der?: boolean; publicKey?: string; userId?: string },
    ): string;
    generateKeyPairHex(): { publicKey: string; privateKey: string };
  };
  export function sm3(message: string | number[]): string;
}
