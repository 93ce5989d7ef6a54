import { LedgerEntry } from './ledger/ledger-entry.entity';
import { SealMaker } from './seals/seal-maker.entity';
import { SealTransition } from './seals/seal-transition.entity';
import { Seal } from './seals/seal.entity';
import { StampedDocument } from './stamps/stamped-document.entity';
import { Stamp } from './stamps/stamp.entity';

/** Every table of the seal schema that the service reads through TypeORM. */
export const SEAL_ENTITIES = [Seal, SealTransition, SealMaker, StampedDocument, Stamp, LedgerEntry];
