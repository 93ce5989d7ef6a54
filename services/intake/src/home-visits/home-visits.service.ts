import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertReachesPlace, type AuthUser } from '@oneseal/auth';
import {
  homeVisitRequestedV1,
  homeVisitScheduledV1,
  personActor,
  type EventActor,
  type HomeVisitKind,
} from '@oneseal/contracts';
import { enqueueEvent } from '@oneseal/database';
import { chinaDate, lookupDigest } from '@oneseal/domain';
import { DataSource } from 'typeorm';
import { MatterOfferingService } from '../catalogue/matter-offering.service';
import { INTAKE_SCHEMA } from '../config/intake.env';
import { PersonalDataCipher } from '../personal-data/personal-data-cipher';
import { APPLICANT_LOOKUP_KEY } from '../personal-data/personal-data.tokens';
import type { FinishHomeVisitDto, RequestHomeVisitDto } from './home-visit.dto';
import { HomeVisitError, HomeVisitErrorCode, OPEN_VISITS_PER_NUMBER } from './home-visits.errors';

export interface HomeVisit {
  id: string;
  kind: HomeVisitKind;
  villageCode: string;
  matterName: string;
  applicantName: string;
  /** Shown to the station that goes (and the town); the applicant's own list shows it too. */
  address: string;
  reason: string;
  preferredDate: string | null;
  status: 'requested' | 'scheduled' | 'done' | 'cancelled';
  visitOn: string | null;
  agentName: string | null;
  outcome: string | null;
  caseReceipt: string | null;
  requestedAt: Date;
}

const COLUMNS = `id, kind, village_code AS "villageCode", matter_name AS "matterName", applicant_name AS "applicantName",
  address, reason, preferred_date::text AS "preferredDate", status, visit_on::text AS "visitOn",
  agent_name AS "agentName", outcome, case_receipt AS "caseReceipt", requested_at AS "requestedAt"`;

/**
 * 上门服务 and 上门代办 for those who cannot come in: asked online by the applicant (or a relative, with the number
 * that gets the SMS), taken by the village station — its agent sets the day (the applicant is told) and records
 * what was done. The station's inbox is told of each request.
 */
@Injectable()
export class HomeVisitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly offering: MatterOfferingService,
    @Inject(APPLICANT_LOOKUP_KEY) private readonly lookupKey: Buffer,
  ) {}

  async request(phone: string, request: RequestHomeVisitDto, actor: EventActor): Promise<HomeVisit> {
    const [village] = (await this.dataSource.query(
      `SELECT v.code, v.town_code AS town, t.county_code AS county FROM intake.villages v
         JOIN intake.towns t ON t.code = v.town_code WHERE v.code = $1`,
      [request.villageCode],
    )) as { code: string; town: string; county: string }[];
    if (!village) throw new HomeVisitError(HomeVisitErrorCode.VILLAGE_UNKNOWN);
    const matter = await this.offering.inForce(village.county, request.matterCode);
    if (!matter) throw new HomeVisitError(HomeVisitErrorCode.MATTER_UNKNOWN);
    const id = randomUUID();
    const phoneDigest = lookupDigest(this.lookupKey, 'phone', phone);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`home-visits:${phoneDigest}`]);
      const [{ open }] = (await manager.query(
        `SELECT count(*)::int AS open FROM intake.home_visits
          WHERE phone_digest = $1 AND status IN ('requested', 'scheduled')`,
        [phoneDigest],
      )) as { open: number }[];
      if (open >= OPEN_VISITS_PER_NUMBER) throw new HomeVisitError(HomeVisitErrorCode.TOO_MANY_OPEN);
      const [{ requestedAt }] = (await manager.query(
        `INSERT INTO intake.home_visits (id, county, town, village_code, kind, matter_code, matter_name,
            applicant_name, phone, phone_digest, address, reason, preferred_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING requested_at AS "requestedAt"`,
        [
          id,
          village.county,
          village.town,
          village.code,
          request.kind,
          matter.code,
          matter.name,
          request.applicantName,
          this.cipher.encrypt('applicant_phone', id, phone),
          phoneDigest,
          request.address,
          request.reason,
          request.preferredDate ?? null,
        ],
      )) as { requestedAt: Date }[];
      await enqueueEvent(manager, INTAKE_SCHEMA, homeVisitRequestedV1, {
        subject: id,
        county: village.county,
        town: village.town,
        actor,
        correlationId: id,
        payload: {
          visitId: id,
          kind: request.kind,
          villageCode: village.code,
          matterName: matter.name,
          applicantName: request.applicantName,
          reason: request.reason,
          ...(request.preferredDate ? { preferredDate: request.preferredDate } : {}),
          requestedAt: requestedAt.toISOString(),
        },
      });
    });
    return this.one(id);
  }

  mine(phone: string): Promise<HomeVisit[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM intake.home_visits WHERE phone_digest = $1 ORDER BY requested_at DESC LIMIT 20`,
      [lookupDigest(this.lookupKey, 'phone', phone)],
    ) as Promise<HomeVisit[]>;
  }

  /** The requests of a village agent's village, or of a town for its staff: open ones first. */
  async forStaff(staff: AuthUser): Promise<HomeVisit[]> {
    const byVillage = staff.roles.includes('village-agent') && !staff.roles.includes('town-window');
    return (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM intake.home_visits
        WHERE county = $1 AND ${byVillage ? 'village_code = $2' : 'town = $2'}
        ORDER BY (status IN ('requested', 'scheduled')) DESC, requested_at DESC LIMIT 200`,
      [staff.county, byVillage ? staff.village : staff.town],
    )) as HomeVisit[];
  }

  async schedule(agent: AuthUser, id: string, visitOn: string): Promise<HomeVisit> {
    if (visitOn < chinaDate(new Date())) throw new HomeVisitError(HomeVisitErrorCode.DAY_PASSED);
    await this.dataSource.transaction(async (manager) => {
      const visit = await this.locked(manager, agent, id);
      await manager.query(
        `UPDATE intake.home_visits SET status = 'scheduled', visit_on = $2, agent_id = $3, agent_name = $4,
            scheduled_at = now() WHERE id = $1`,
        [id, visitOn, agent.id, agent.name],
      );
      await enqueueEvent(manager, INTAKE_SCHEMA, homeVisitScheduledV1, {
        subject: id,
        county: visit.county,
        town: visit.town,
        actor: personActor(agent),
        correlationId: id,
        payload: {
          visitId: id,
          kind: visit.kind,
          visitOn,
          matterName: visit.matterName,
          agentName: agent.name,
          applicantPhone: this.cipher.decrypt('applicant_phone', id, visit.phone),
          scheduledAt: new Date().toISOString(),
        },
      });
    });
    return this.one(id);
  }

  async finish(agent: AuthUser, id: string, done: FinishHomeVisitDto): Promise<HomeVisit> {
    await this.dataSource.transaction(async (manager) => {
      await this.locked(manager, agent, id);
      await manager.query(
        `UPDATE intake.home_visits SET status = 'done', outcome = $2, case_receipt = $3, finished_at = now(),
            agent_id = coalesce(agent_id, $4), agent_name = coalesce(agent_name, $5) WHERE id = $1`,
        [id, done.outcome, done.caseReceipt ?? null, agent.id, agent.name],
      );
    });
    return this.one(id);
  }

  async cancel(phone: string, id: string): Promise<HomeVisit> {
    const cancelled = (await this.dataSource.query(
      `UPDATE intake.home_visits SET status = 'cancelled', finished_at = now()
        WHERE id = $1 AND phone_digest = $2 AND status IN ('requested', 'scheduled') RETURNING id`,
      [id, lookupDigest(this.lookupKey, 'phone', phone)],
    )) as [unknown[], number];
    if (cancelled[1] === 0) throw new HomeVisitError(HomeVisitErrorCode.NOT_OPEN);
    return this.one(id);
  }

  /** An open request, locked, of the agent's own village (or the town of its window). */
  private async locked(manager: DataSource['manager'], staff: AuthUser, id: string) {
    const [visit] = (await manager.query(
      `SELECT county, town, village_code AS village, kind, matter_name AS "matterName", phone, status
         FROM intake.home_visits WHERE id = $1 FOR UPDATE`,
      [id],
    )) as {
      county: string;
      town: string;
      village: string;
      kind: HomeVisitKind;
      matterName: string;
      phone: string;
      status: string;
    }[];
    if (!visit) throw new HomeVisitError(HomeVisitErrorCode.NOT_FOUND);
    assertReachesPlace(staff, { county: visit.county, town: visit.town });
    const agentOnly = staff.roles.includes('village-agent') && !staff.roles.includes('town-window');
    if (agentOnly && staff.village !== visit.village) throw new HomeVisitError(HomeVisitErrorCode.NOT_FOUND);
    if (visit.status !== 'requested' && visit.status !== 'scheduled')
      throw new HomeVisitError(HomeVisitErrorCode.NOT_OPEN);
    return visit;
  }

  private async one(id: string): Promise<HomeVisit> {
    const [visit] = (await this.dataSource.query(`SELECT ${COLUMNS} FROM intake.home_visits WHERE id = $1`, [
      id,
    ])) as HomeVisit[];
    return visit;
  }
}
