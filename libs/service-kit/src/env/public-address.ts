import { ValidateBy } from 'class-validator';

/**
 * An address the public can reach: not this machine's loopback, which means nothing on an applicant's phone or in a
 * sealed document's QR code. Intake prints it on receipts, the seal service in every document.
 */
export const IsPublicAddress = () =>
  ValidateBy({
    name: 'isPublicAddress',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string') return false;
        try {
          const { protocol, hostname } = new URL(value);
          return (
            (protocol === 'http:' || protocol === 'https:') &&
            !['localhost', '127.0.0.1', '::1', '[::1]', '0.0.0.0'].includes(hostname)
          );
        } catch {
          return false;
        }
      },
      defaultMessage: () =>
        'PUBLIC_BASE_URL must be the address the public opens the console at (http(s)://…, not localhost or 127.0.0.1)',
    },
  });
