import { randomUUID } from 'node:crypto';
import { sealActivatedV1, sealRegisteredV1, sealRetiredV1 } from '@oneseal/contracts';
import { enqueueEvent, isUniqueViolation } from '@oneseal/database';
import type { DataSource, EntityManager } from 'typeorm';
import { SEAL_SCHEMA } from '../config/seal.env';
import type { KeyEncryption } from '../crypto/key-encryption';
import { generateSm2KeyPair } from '@oneseal/gm-crypto';
import type { DivisionNames, TownDivision } from '../divisions/division-names';
import {
  APPROVAL_SEAL_PURPOSE,
  approvalSealGeometry,
  organSealGeometry,
  SEAL_DIAMETER_MM,
} from '../drawing/seal-geometry';
import { sealSvg } from '../drawing/seal-svg';
import { countySealMaker, sealMakerPublicKey } from './seal-makers';
import { nextSealStatus, statusesAllowing, type SealAction, type SealStatus } from './seal-lifecycle';
import { approvalSealName, townGovernmentName } from './seal-naming';
import { organOrFail } from '../organs/issuing-organs';
import { organStamperId, signSealRecord, type SealRecordBody, type SignedSealRecord } from './seal-record';
import { Seal } from './seal.entity';
import { SealTransition } from './seal-transition.entity';
import { SealError, SealErrorCode } from './seals.errors';

/** How long an engraved electronic seal's record says it is valid (the registry can end it sooner). */
const SEAL_VALIDITY_YEARS = 10;
const ONE_ACTIVE_PER_TOWN_INDEX = 'seals_one_active_approval_seal_per_town';
const ONE_ACTIVE_PER_BUREAU_INDEX = 'seals_one_active_bureau_seal';

export interface ApplyForSeal {
  county: string;
  town: string;
  /** Only needed for a town the seed files do not list. */
  countyName?: string;
  townName?: string;
  actor: string;
}

export interface ApplyForBureauSeal {
  /** The bureau's code: the county's and the bureau's short name (140525-mz). */
  bureau: string;
  actor: string;
}

export interface InventoryLegacySeal {
  county: string;
  town: string;
  name: string;
  formerHolder: string;
  actor: string;
}

/** What the registry shows of a seal: everything but its private key. */
export type SealView = Omit<Seal, 'privateKeyEncrypted'>;

export interface SealRecordExport {
  sealId: string;
  name: string;
  status: SealStatus;
  /** The signed seal record (GB/T 38540 SESeal shape). */
  record: SignedSealRecord;
  /** The county seal maker's public key: the trust anchor an offline verifier checks the record against. */
  makerPublicKey: string;
  activatedAt: string | null;
  retiredAt: string | null;
}

/** A town's seals stand for its government. */
function townOrgan(division: TownDivision): { organ: string; organName: string } {
  return { organ: division.town, organName: townGovernmentName(division.countyName, division.townName) };
}

/** Where a seal event says the seal belongs: the town, or the bureau. */
function sealPlace(town: string | null, organ: string): { town: string } | { bureau: string } {
  return town ? { town } : { bureau: organ };
}

function view(seal: Seal): SealView {
  const { privateKeyEncrypted: _secret, ...rest } = seal;
  return rest;
}

/**
 * The town seal registry: applying for the one approval seal and taking it through its life, inventorying the
 * old seals, and exporting seal records for offline verification. Every change records who made it and when,
 * and announces itself through the outbox in the same transaction.
 */
export class SealRegistry {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: KeyEncryption,
    private readonly divisions: DivisionNames,
  ) {}

  private division(
    county: string,
    town: string,
    names: { countyName?: string; townName?: string },
  ): TownDivision {
    const known = this.divisions.town(town);
    if (known) {
      if (known.county !== county) {
        throw new SealError(SealErrorCode.UNKNOWN_TOWN, `乡镇 ${town} 不属于县 ${county}，请核对代码`);
      }
      return known;
    }
    if (!town.startsWith(county) || !names.countyName || !names.townName) {
      throw new SealError(SealErrorCode.UNKNOWN_TOWN);
    }
    return { county, town, countyName: names.countyName, townName: names.townName };
  }

  async apply(request: ApplyForSeal): Promise<SealView> {
    const division = this.division(request.county, request.town, request);
    return this.dataSource.transaction(async (manager) => {
      const seal = await this.insertSeal(manager, {
        division,
        ...townOrgan(division),
        kind: 'approval',
        name: approvalSealName(division.countyName, division.townName),
        status: '申报',
        formerHolder: null,
        actor: request.actor,
      });
      return view(seal);
    });
  }

  /** A county bureau's own seal, for the decisions the bureau takes: the same lifecycle as a town's. */
  async applyForBureau(request: ApplyForBureauSeal): Promise<SealView> {
    return this.dataSource.transaction(async (manager) => {
      const organ = await organOrFail(manager, request.bureau);
      if (organ.level !== 'county') throw new SealError(SealErrorCode.UNKNOWN_ORGAN);
      const countyName = this.divisions.all().find((town) => town.county === organ.county)?.countyName;
      if (!countyName) throw new SealError(SealErrorCode.UNKNOWN_ORGAN);
      const seal = await this.insertSeal(manager, {
        division: { county: organ.county, town: null, countyName, townName: null },
        organ: organ.code,
        organName: organ.name,
        kind: 'bureau',
        name: organ.name,
        status: '申报',
        formerHolder: null,
        actor: request.actor,
      });
      return view(seal);
    });
  }

  async listForOrgan(organ: string): Promise<SealView[]> {
    const seals = await this.dataSource
      .getRepository(Seal)
      .find({ where: { organ }, order: { createdAt: 'ASC' } });
    return seals.map(view);
  }

  async inventoryLegacy(request: InventoryLegacySeal): Promise<SealView> {
    const division = this.division(request.county, request.town, {});
    return this.dataSource.transaction(async (manager) => {
      const seal = await this.insertSeal(manager, {
        division,
        ...townOrgan(division),
        kind: 'legacy',
        name: request.name,
        status: '封存',
        formerHolder: request.formerHolder,
        actor: request.actor,
        reason: '一枚印章管审批改革：原内设机构、县直部门派驻机构印章清点封存',
      });
      return view(seal);
    });
  }

  approve(id: string, actor: string, reason?: string): Promise<SealView> {
    return this.transition(id, 'approve', actor, reason);
  }

  engrave(id: string, actor: string): Promise<SealView> {
    return this.transition(id, 'engrave', actor, undefined);
  }

  file(id: string, actor: string, reason?: string): Promise<SealView> {
    return this.transition(id, 'file', actor, reason);
  }

  activate(id: string, actor: string): Promise<SealView> {
    return this.transition(id, 'activate', actor, undefined);
  }

  deactivate(id: string, actor: string, reason: string): Promise<SealView> {
    return this.transition(id, 'deactivate', actor, reason);
  }

  sealAway(id: string, actor: string, reason: string): Promise<SealView> {
    return this.transition(id, 'sealAway', actor, reason);
  }

  async get(id: string): Promise<SealView & { transitions: SealTransition[] }> {
    const seal = await this.dataSource.getRepository(Seal).findOneBy({ id });
    if (!seal) throw new SealError(SealErrorCode.NOT_FOUND);
    const transitions = await this.dataSource
      .getRepository(SealTransition)
      .find({ where: { sealId: id }, order: { seq: 'ASC' } });
    return { ...view(seal), transitions };
  }

  async exportRecord(id: string): Promise<SealRecordExport> {
    const seal = await this.dataSource.getRepository(Seal).findOneBy({ id });
    if (!seal) throw new SealError(SealErrorCode.NOT_FOUND);
    const makerPublicKey = await sealMakerPublicKey(this.dataSource.manager, seal.county);
    if (!seal.record || !makerPublicKey) {
      throw new SealError(SealErrorCode.TRANSITION_NOT_ALLOWED, '该印章尚未刻制，没有电子印章数据');
    }
    return {
      sealId: seal.id,
      name: seal.name,
      status: seal.status,
      record: seal.record,
      makerPublicKey,
      activatedAt: seal.activatedAt?.toISOString() ?? null,
      retiredAt: seal.retiredAt?.toISOString() ?? null,
    };
  }

  private async insertSeal(
    manager: EntityManager,
    seal: {
      division: Omit<TownDivision, 'town' | 'townName'> & { town: string | null; townName: string | null };
      organ: string;
      organName: string;
      kind: Seal['kind'];
      name: string;
      status: SealStatus;
      formerHolder: string | null;
      actor: string;
      reason?: string;
    },
  ): Promise<Seal> {
    const id = randomUUID();
    const { division } = seal;
    await manager.query(
      `INSERT INTO seal.seals (id, county, town, organ, organ_name, county_name, town_name, kind, name, status,
                               former_holder)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        id,
        division.county,
        division.town,
        seal.organ,
        seal.organName,
        division.countyName,
        division.townName,
        seal.kind,
        seal.name,
        seal.status,
        seal.formerHolder,
      ],
    );
    await this.recordTransition(manager, id, null, seal.status, seal.actor, seal.reason);
    const created = await manager.getRepository(Seal).findOneByOrFail({ id });
    await enqueueEvent(manager, SEAL_SCHEMA, sealRegisteredV1, {
      subject: id,
      county: division.county,
      ...(division.town ? { town: division.town } : {}),
      actor: { kind: 'person', id: seal.actor },
      correlationId: id,
      payload: {
        sealId: id,
        county: division.county,
        ...sealPlace(division.town, seal.organ),
        name: seal.name,
        kind: seal.kind,
        status: seal.status,
        actor: seal.actor,
        registeredAt: created.createdAt.toISOString(),
      },
    });
    return created;
  }

  private async recordTransition(
    manager: EntityManager,
    sealId: string,
    from: SealStatus | null,
    to: SealStatus,
    actor: string,
    reason?: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO seal.seal_transitions (seal_id, from_status, to_status, actor, reason) VALUES ($1, $2, $3, $4, $5)`,
      [sealId, from, to, actor, reason ?? null],
    );
  }

  private async transition(
    id: string,
    action: SealAction,
    actor: string,
    reason: string | undefined,
  ): Promise<SealView> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const seal = await manager
          .getRepository(Seal)
          .createQueryBuilder('seal')
          .setLock('pessimistic_write')
          .where('seal.id = :id', { id })
          .getOne();
        if (!seal) throw new SealError(SealErrorCode.NOT_FOUND);
        const to = nextSealStatus(seal.status, action);
        if (!to || seal.kind === 'legacy') {
          throw new SealError(
            SealErrorCode.TRANSITION_NOT_ALLOWED,
            seal.kind === 'legacy'
              ? '该印章是已封存的旧印章，不能再办理申报、刻制或启用'
              : `该印章当前状态为“${seal.status}”，这项操作只适用于状态为“${statusesAllowing(action).join('、')}”的印章`,
            { status: seal.status },
          );
        }
        if (action === 'activate') await this.refuseSecondActiveSeal(manager, seal);
        const now = new Date();
        const changes: Partial<Seal> = { status: to, updatedAt: now };
        if (action === 'engrave') Object.assign(changes, await this.engraveKeys(manager, seal, now));
        if (action === 'activate') changes.activatedAt = now;
        if ((action === 'deactivate' || action === 'sealAway') && !seal.retiredAt) changes.retiredAt = now;
        await manager.getRepository(Seal).update({ id }, changes);
        await this.recordTransition(manager, id, seal.status, to, actor, reason);
        await this.announce(manager, seal, action, actor, reason, now);
        return view(await manager.getRepository(Seal).findOneByOrFail({ id }));
      });
    } catch (error) {
      // Two activations at once: the partial unique index lets one through; the other is told why.
      if (isUniqueViolation(error, ONE_ACTIVE_PER_TOWN_INDEX))
        throw new SealError(SealErrorCode.ALREADY_ACTIVE);
      if (isUniqueViolation(error, ONE_ACTIVE_PER_BUREAU_INDEX))
        throw new SealError(
          SealErrorCode.ALREADY_ACTIVE,
          '该县直部门已有启用的印章，须先停用或封存原章，才能启用新章',
        );
      throw error;
    }
  }

  private async refuseSecondActiveSeal(manager: EntityManager, seal: Seal): Promise<void> {
    const active = await manager
      .getRepository(Seal)
      .findOneBy({ organ: seal.organ, kind: seal.kind, status: '启用' });
    if (!active) return;
    throw new SealError(
      SealErrorCode.ALREADY_ACTIVE,
      seal.kind === 'bureau' ? '该县直部门已有启用的印章，须先停用或封存原章，才能启用新章' : undefined,
      { activeSealId: active.id },
    );
  }

  /** 刻制: the seal's SM2 key pair and its seal record, signed by the county's seal maker. */
  private async engraveKeys(
    manager: EntityManager,
    seal: Seal,
    now: Date,
  ): Promise<Pick<Seal, 'publicKey' | 'privateKeyEncrypted' | 'record' | 'validFrom' | 'validTo'>> {
    const maker = await countySealMaker(manager, this.keys, seal.county, seal.countyName);
    const keyPair = generateSm2KeyPair();
    const validTo = new Date(now);
    validTo.setUTCFullYear(validTo.getUTCFullYear() + SEAL_VALIDITY_YEARS);
    const body: SealRecordBody = {
      format: 'OneSeal-SESeal/1',
      esId: seal.id,
      type: { code: 1, name: '单位印章', purpose: seal.kind === 'bureau' ? '公章' : APPROVAL_SEAL_PURPOSE },
      name: seal.name,
      county: seal.county,
      town: seal.organ,
      signers: [{ id: organStamperId(seal.organ), publicKey: keyPair.publicKey }],
      validFrom: now.toISOString(),
      validTo: validTo.toISOString(),
      picture: {
        type: 'svg',
        widthMm: SEAL_DIAMETER_MM,
        heightMm: SEAL_DIAMETER_MM,
        data: sealSvg(
          seal.kind === 'bureau' ? organSealGeometry(seal.organName) : approvalSealGeometry(seal.organName),
        ),
      },
      maker: { id: maker.id, name: maker.name, publicKey: maker.keys.publicKey },
      madeAt: now.toISOString(),
    };
    return {
      publicKey: keyPair.publicKey,
      privateKeyEncrypted: this.keys.encrypt(keyPair.privateKey, seal.id),
      record: signSealRecord(body, maker.keys),
      validFrom: now,
      validTo,
    };
  }

  private async announce(
    manager: EntityManager,
    seal: Seal,
    action: SealAction,
    actor: string,
    reason: string | undefined,
    at: Date,
  ): Promise<void> {
    const envelope = {
      subject: seal.id,
      county: seal.county,
      ...(seal.town ? { town: seal.town } : {}),
      actor: { kind: 'person' as const, id: actor },
      correlationId: seal.id,
    };
    if (action === 'activate') {
      await enqueueEvent(manager, SEAL_SCHEMA, sealActivatedV1, {
        ...envelope,
        payload: {
          sealId: seal.id,
          county: seal.county,
          ...sealPlace(seal.town, seal.organ),
          actor,
          activatedAt: at.toISOString(),
        },
      });
    } else if (action === 'deactivate' || action === 'sealAway') {
      await enqueueEvent(manager, SEAL_SCHEMA, sealRetiredV1, {
        ...envelope,
        payload: {
          sealId: seal.id,
          county: seal.county,
          ...sealPlace(seal.town, seal.organ),
          status: action === 'deactivate' ? '停用' : '封存',
          reason: reason ?? '',
          actor,
          retiredAt: at.toISOString(),
        },
      });
    }
  }
}
