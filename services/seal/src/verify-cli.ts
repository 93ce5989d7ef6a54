import { readFileSync } from 'node:fs';
import type { SealRecordExport } from './seals/seal-registry';
import type { TrustedSeal } from './verification/verify-stamped-pdf';
import { verifyStampedPdf } from './verification/verify-stamped-pdf';

const USAGE = `usage: node services/seal/dist/verify-cli.js <document.pdf> --seal-record <record.json> [--seal-record <record.json> ...]

Verifies a stamped OneSeal document offline. Each record is what GET /seals/:id/record exports (the signed seal
record and the county seal maker's public key); the document is valid only if it was stamped by one of them.
Prints the verdict as JSON; exit code 0 when valid, 1 when not, 2 on wrong usage.`;

function parseArguments(argv: readonly string[]): { pdf: string; records: string[] } | undefined {
  const records: string[] = [];
  let pdf: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    if (argv[index] === '--seal-record' && argv[index + 1]) {
      records.push(argv[index + 1]);
      index += 1;
    } else if (!argv[index].startsWith('--') && !pdf) {
      pdf = argv[index];
    } else {
      return undefined;
    }
  }
  return pdf && records.length > 0 ? { pdf, records } : undefined;
}

function trustedSeal(exported: SealRecordExport): TrustedSeal {
  return {
    record: exported.record,
    makerPublicKey: exported.makerPublicKey,
    activeFrom: exported.activatedAt ? new Date(exported.activatedAt) : null,
    activeUntil: exported.retiredAt ? new Date(exported.retiredAt) : null,
  };
}

async function main(): Promise<number> {
  const parsed = parseArguments(process.argv.slice(2));
  if (!parsed) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const seals = new Map<string, TrustedSeal>();
  for (const file of parsed.records) {
    const exported = JSON.parse(readFileSync(file, 'utf8')) as SealRecordExport;
    seals.set(exported.sealId, trustedSeal(exported));
  }
  const result = await verifyStampedPdf(readFileSync(parsed.pdf), async (sealId) => seals.get(sealId));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return result.valid ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`verify: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
