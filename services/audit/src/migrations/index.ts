import { CreateEventLog1763800000600 } from './1763800000600-CreateEventLog';
import { KeepDeadLetters1765300000600 } from './1765300000600-KeepDeadLetters';
import { KeyChainsAndSignCheckpoints1765400000600 } from './1765400000600-KeyChainsAndSignCheckpoints';
import { KeepProducerSignaturesOfDeadLetters1765400000700 } from './1765400000700-KeepProducerSignaturesOfDeadLetters';
import { KeepVerificationRuns1766000000600 } from './1766000000600-KeepVerificationRuns';
import { KeepCheckpointChecks1766000000700 } from './1766000000700-KeepCheckpointChecks';
import { ReadCheckpointHeadsInByteOrder1766000000800 } from './1766000000800-ReadCheckpointHeadsInByteOrder';
import { SignCheckpointHeadsFromTheirRows1766000000900 } from './1766000000900-SignCheckpointHeadsFromTheirRows';
import { GoOnWithLeftVerificationRuns1766300000200 } from './1766300000200-GoOnWithLeftVerificationRuns';
import { GoOnWithLeftCheckpointChecks1766300000300 } from './1766300000300-GoOnWithLeftCheckpointChecks';
import { KeepWhereCheckpointChecksGot1766600000100 } from './1766600000100-KeepWhereCheckpointChecksGot';

/** In the order they run. */
export const AUDIT_MIGRATIONS = [
  CreateEventLog1763800000600,
  KeepDeadLetters1765300000600,
  KeyChainsAndSignCheckpoints1765400000600,
  KeepProducerSignaturesOfDeadLetters1765400000700,
  KeepVerificationRuns1766000000600,
  KeepCheckpointChecks1766000000700,
  ReadCheckpointHeadsInByteOrder1766000000800,
  SignCheckpointHeadsFromTheirRows1766000000900,
  GoOnWithLeftVerificationRuns1766300000200,
  GoOnWithLeftCheckpointChecks1766300000300,
  KeepWhereCheckpointChecksGot1766600000100,
];
