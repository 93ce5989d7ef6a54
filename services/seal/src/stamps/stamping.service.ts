import { randomUUID } from 'node:crypto';
import { documentStampedV1, type StampDecisionInput, type StampedDocument } from '@oneseal/contracts';
import { enqueueEvent } from '@oneseal/database';
import type { DataSource, EntityManager } from 'typeorm';
import { SEAL_SCHEMA } from '../config/seal.env';
import type { KeyEncryption } from '../crypto/key-encryption';
import { sm3Hex } from '../crypto/sm2';
import { approvalSealGeometry } from '../drawing/seal-geometry';
import { appendToLedger } from '../ledger/ledger-writer';
import { townGovernmentName } from '../seals/seal-naming';
import { townStamperId } from '../seals/seal-record';
import { Seal } from '../seals/seal.entity';
import { SealError, SealErrorCode, sealErrorMessage } from '../seals/seals.errors';
import { documentTitle, renderResultDocument } from './result-document';
import { signPdf } from './sign-pdf';
import { Stamp } from './stamp.entity';
import { newVerificationCode } from './verification-code';

export interface StampOptions {
  /** The seal a person asked to stamp with; the town's active approval seal is the only one accepted. */
  sealId?: string;
  /** Who asked for the impression (recorded in the ledger); the deciding person when the workflow asks. */
  requestedBy?: string;
}

/** What a keeper reads in the ledger: the case by 办件编号 and matter, the requester by name when it is the decider. */
function ledgerNamesOf(input: StampDecisionInput, requestedBy: string) {
  return {
    receiptNumber: input.receiptNumber,
    matterName: input.matterName,
    requestedByName: requestedBy === input.decidedBy ? (input.decidedByName ?? null) : null,
  };
}

/** The refusals that only the town's seal registry can lift (the case waits for its seal, retrying). */
export const SEAL_NOT_ACTIVE_REFUSALS: readonly SealErrorCode[] = [
  SealErrorCode.NO_ACTIVE_SEAL,
  SealErrorCode.NOT_ACTIVE,
];

/** Another attempt for the same decision committed first: its stamp is the one. */
class DecisionAlreadyStamped extends Error {}

type UsableSeal = Seal & {
  privateKeyEncrypted: string;
  publicKey: string;
  record: NonNullable<Seal['record']>;
};

function stampedDocument(stamp: Stamp, created: boolean): StampedDocument {
  return {
    documentId: stamp.documentId,
    stampId: stamp.id,
    sealId: stamp.sealId,
    documentSm3: stamp.documentSm3,
    verificationCode: stamp.verificationCode,
    stampedAt: stamp.stampedAt.toISOString(),
    created,
  };
}

/**
 * Stamps the result document of a decision with the town's one active approval seal: renders the PDF, signs it
 * (stamp-record.ts explains how the signature sits in the file), stores it, registers the impression in the
 * ledger and announces it, all in one transaction. Exactly one stamp per decision: a retry, a redelivery or a
 * concurrent duplicate gets the first stamp back. Any other seal, or none, is refused and the refusal recorded.
 */
export class StampingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: KeyEncryption,
    private readonly publicBaseUrl: string,
  ) {}

  async stamp(input: StampDecisionInput, options: StampOptions = {}): Promise<StampedDocument> {
    const earlier = await this.findStamp(input.decisionId);
    if (earlier) return stampedDocument(earlier, false);
    const requestedBy = options.requestedBy ?? input.decidedBy;
    const seal = await this.usableSeal(input, options.sealId, requestedBy);
    const stampedAt = new Date();
    const stampId = randomUUID();
    const documentId = randomUUID();
    const verificationCode = newVerificationCode();
    const stamper = townStamperId(seal.town);
    const unsigned = await renderResultDocument({
      decision: input,
      authority: townGovernmentName(seal.countyName, seal.townName),
      seal: approvalSealGeometry(townGovernmentName(seal.countyName, seal.townName)),
      verificationCode,
      verificationUrl: `${this.publicBaseUrl.replace(/\/$/, '')}/verification/${verificationCode}`,
      stampedAt,
    });
    const { pdf, record } = signPdf(
      unsigned,
      {
        format: 'OneSeal-SES_Signature/1',
        stampId,
        documentId,
        decisionId: input.decisionId,
        caseId: input.caseId,
        seal: seal.record,
        stamper,
        stampedAt: stampedAt.toISOString(),
        verificationCode,
        properties: {
          matterCode: input.matterCode,
          receiptNumber: input.receiptNumber,
          result: input.result,
          documentKind: input.documentKind,
        },
      },
      { privateKey: this.keys.decrypt(seal.privateKeyEncrypted, seal.id), publicKey: seal.publicKey },
    );
    const documentSm3 = record.tbs.documentSm3;

    try {
      const stamp = await this.dataSource.transaction(async (manager) => {
        await this.lockActiveSeal(manager, seal.id);
        const inserted = (await manager.query(
          `INSERT INTO seal.documents (id, decision_id, case_id, county, town, kind, title, pdf, sm3)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (decision_id) DO NOTHING RETURNING id`,
          [
            documentId,
            input.decisionId,
            input.caseId,
            seal.county,
            seal.town,
            input.documentKind,
            documentTitle(input.documentKind),
            pdf,
            sm3Hex(pdf),
          ],
        )) as unknown[];
        if (inserted.length === 0) throw new DecisionAlreadyStamped();
        await manager.query(
          `INSERT INTO seal.stamps (id, decision_id, document_id, seal_id, case_id, county, town, stamper, requested_by,
                                    stamped_at, document_sm3, signature, verification_code, record)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
          [
            stampId,
            input.decisionId,
            documentId,
            seal.id,
            input.caseId,
            seal.county,
            seal.town,
            stamper,
            requestedBy,
            stampedAt,
            documentSm3,
            record.signature,
            verificationCode,
            JSON.stringify(record),
          ],
        );
        await appendToLedger(manager, {
          entry: 'stamped',
          county: seal.county,
          town: seal.town,
          sealId: seal.id,
          caseId: input.caseId,
          decisionId: input.decisionId,
          documentId,
          stampId,
          stamper,
          requestedBy,
          ...ledgerNamesOf(input, requestedBy),
        });
        await enqueueEvent(manager, SEAL_SCHEMA, documentStampedV1, {
          subject: input.caseId,
          county: seal.county,
          town: seal.town,
          actor: { kind: 'service', id: 'seal' },
          correlationId: input.correlationId,
          payload: {
            caseId: input.caseId,
            documentId,
            sealId: seal.id,
            stampId,
            documentSm3: documentSm3,
            verificationCode,
            stampedAt: stampedAt.toISOString(),
          },
        });
        return manager.getRepository(Stamp).findOneByOrFail({ id: stampId });
      });
      return stampedDocument(stamp, true);
    } catch (error) {
      if (error instanceof DecisionAlreadyStamped) {
        return stampedDocument(await this.findStampOrFail(input.decisionId), false);
      }
      if (error instanceof SealError) await this.recordRefusal(input, seal.id, requestedBy, error.code);
      throw error;
    }
  }

  private findStamp(decisionId: string): Promise<Stamp | null> {
    return this.dataSource.getRepository(Stamp).findOneBy({ decisionId });
  }

  private async findStampOrFail(decisionId: string): Promise<Stamp> {
    const stamp = await this.findStamp(decisionId);
    if (!stamp) throw new Error(`the stamp of decision ${decisionId} vanished`);
    return stamp;
  }

  /** The town's active approval seal, if it is the one asked for; otherwise the attempt is refused and recorded. */
  private async usableSeal(
    input: StampDecisionInput,
    sealId: string | undefined,
    requestedBy: string,
  ): Promise<UsableSeal> {
    const seals = this.dataSource.getRepository(Seal);
    if (sealId) {
      const asked = await seals.findOneBy({ id: sealId });
      const refusal = !asked
        ? SealErrorCode.NOT_FOUND
        : asked.kind === 'legacy'
          ? SealErrorCode.LEGACY_SEAL_REFUSED
          : asked.town !== input.town
            ? SealErrorCode.WRONG_TOWN
            : asked.status !== '启用'
              ? SealErrorCode.NOT_ACTIVE
              : undefined;
      if (refusal) return this.refuse(input, asked ? sealId : null, requestedBy, refusal);
    }
    const active = await seals
      .createQueryBuilder('seal')
      .addSelect('seal.privateKeyEncrypted')
      .where(`seal.town = :town AND seal.kind = 'approval' AND seal.status = '启用'`, { town: input.town })
      .getOne();
    if (!active?.privateKeyEncrypted || !active.publicKey || !active.record) {
      return this.refuse(input, null, requestedBy, SealErrorCode.NO_ACTIVE_SEAL);
    }
    return active as UsableSeal;
  }

  /** Holds the seal in 启用 until the stamp commits: a deactivation waits for it, or wins and refuses it. */
  private async lockActiveSeal(manager: EntityManager, sealId: string): Promise<void> {
    const [row] = (await manager.query(`SELECT status FROM seal.seals WHERE id = $1 FOR SHARE`, [
      sealId,
    ])) as {
      status: string;
    }[];
    if (row?.status !== '启用') throw new SealError(SealErrorCode.NOT_ACTIVE);
  }

  private async refuse(
    input: StampDecisionInput,
    sealId: string | null,
    requestedBy: string,
    code: SealErrorCode,
  ): Promise<never> {
    await this.recordRefusal(input, sealId, requestedBy, code);
    throw new SealError(code);
  }

  private async recordRefusal(
    input: StampDecisionInput,
    sealId: string | null,
    requestedBy: string,
    code: SealErrorCode,
  ): Promise<void> {
    await appendToLedger(this.dataSource.manager, {
      entry: 'refused',
      county: input.county,
      town: input.town,
      sealId,
      caseId: input.caseId,
      decisionId: input.decisionId,
      stamper: townStamperId(input.town),
      requestedBy,
      ...ledgerNamesOf(input, requestedBy),
      reasonCode: code,
      reason: sealErrorMessage(code),
    });
  }
}
