import { exitOnBootFailure } from '@oneseal/service-kit';
import { ensureCheckpointKey } from './checkpoints/checkpoint-key';

/** Run before the first start (npm start and docker-compose do): creates the checkpoint signing key if missing. */
function main(): void {
  const file = process.env.AUDIT_CHECKPOINT_KEY_FILE;
  if (!file) throw new Error('set AUDIT_CHECKPOINT_KEY_FILE to where the SM2 checkpoint key belongs');
  process.stdout.write(
    ensureCheckpointKey(file)
      ? `audit: created the checkpoint signing key ${file}\n`
      : `audit: checkpoint signing key ${file} already present, kept\n`,
  );
}

try {
  main();
} catch (error) {
  exitOnBootFailure('audit checkpoint key')(error);
}
