import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertReachesPlace, type AuthUser } from '@oneseal/auth';
import {
  personActor,
  supervisionAnsweredV1,
  supervisionOrderedV1,
  type SupervisionOrderKind,
} from '@oneseal/contracts';
import { enqueueEvent } from '@oneseal/database';
import { chinaDate } from '@oneseal/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { ROUTING_SCHEMA } from '../config/routing.env';
import { SupervisionOrderError, SupervisionOrderErrorCode } from './supervision-orders.errors';

/** How far ahead an answer may be asked for. */
const LONGEST_ANSWER_DAYS = 60;
const LISTED = 200;

export type SupervisionOrderStatus = 'waiting' | 'overdue' | 'answered';

export interface SupervisionOrder {
  id: string;
  kind: SupervisionOrderKind;
  caseId: string;
  receiptNumber: string | null;
  matterName: string | null;
  town: string;
  unitCode: string;
  stepName: string | null;
  requirement: string;
  answerBy: string;
  orderedByName: string;
  orderedAt: Date;
  answer: string | null;
  answeredByName: string | null;
  answeredAt: Date | null;
  status: SupervisionOrderStatus;
}

const COLUMNS = `o.id, o.kind, o.case_id AS "caseId", c.receipt_number AS "receiptNumber", c.matter_name AS "matterName",
  o.town, o.unit_code AS "unitCode", o.step_name AS "stepName", o.requirement, o.answer_by::text AS "answerBy",
  o.ordered_by_name AS "orderedByName", o.ordered_at AS "orderedAt", o.answer, o.answered_by_name AS "answeredByName",
  o.answered_at AS "answeredAt"`;

/** A county bureau's unit (`140525-mz`), as against a town desk or a village station. */
const isCountyUnit = (unitCode: string, county: string) =>
  unitCode.startsWith(`${county}-`) && !/^\d{9}/.test(unitCode);

/**
 * 督办 and 催办: a county supervisor orders the unit holding a late or slow case to act and to answer by a date; the
 * unit's overseer (the town's leader, or the county bureau) answers once with what was done. Both join the case's
 * record and reach the other side's 单位消息; an order past its date without an answer reads 逾期未答复.
 */
@Injectable()
export class SupervisionOrdersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async order(
    supervisor: AuthUser,
    order: { caseId: string; kind: SupervisionOrderKind; requirement: string; answerBy: string },
    now: Date = new Date(),
  ): Promise<SupervisionOrder> {
    const today = chinaDate(now);
    const latest = chinaDate(new Date(now.getTime() + LONGEST_ANSWER_DAYS * 86_400_000));
    if (order.answerBy < today || order.answerBy > latest)
      throw new SupervisionOrderError(SupervisionOrderErrorCode.ANSWER_BY_INVALID);
    return this.dataSource.transaction(async (manager) => {
      const [found] = (await manager.query(
        `SELECT county, town, current_unit AS "unitCode", current_step AS "stepName", concluded_at AS "concludedAt"
           FROM routing.routed_cases WHERE case_id = $1 FOR UPDATE`,
        [order.caseId],
      )) as {
        county: string;
        town: string;
        unitCode: string | null;
        stepName: string | null;
        concludedAt: Date | null;
      }[];
      if (!found || found.county !== supervisor.county)
        throw new SupervisionOrderError(SupervisionOrderErrorCode.CASE_NOT_FOUND);
      assertReachesPlace(supervisor, { county: found.county, town: found.town });
      if (found.concludedAt || !found.unitCode)
        throw new SupervisionOrderError(SupervisionOrderErrorCode.CASE_NOT_WAITING);
      const id = randomUUID();
      const [{ orderedAt }] = (await manager.query(
        `INSERT INTO routing.supervision_orders
           (id, case_id, county, town, kind, unit_code, step_name, requirement, answer_by, ordered_by, ordered_by_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         RETURNING ordered_at AS "orderedAt"`,
        [
          id,
          order.caseId,
          found.county,
          found.town,
          order.kind,
          found.unitCode,
          found.stepName,
          order.requirement,
          order.answerBy,
          supervisor.id,
          supervisor.name,
        ],
      )) as { orderedAt: Date }[];
      await enqueueEvent(manager, ROUTING_SCHEMA, supervisionOrderedV1, {
        subject: order.caseId,
        county: found.county,
        town: found.town,
        actor: { ...personActor(supervisor), role: 'supervisor' },
        correlationId: order.caseId,
        payload: {
          orderId: id,
          caseId: order.caseId,
          kind: order.kind,
          unitCode: found.unitCode,
          requirement: order.requirement,
          answerBy: order.answerBy,
          orderedAt: orderedAt.toISOString(),
        },
      });
      return this.readOne(manager, id, today);
    });
  }

  /** The overseer of the unit answers, once. */
  async answer(
    person: AuthUser,
    orderId: string,
    answer: string,
    now: Date = new Date(),
  ): Promise<SupervisionOrder> {
    return this.dataSource.transaction(async (manager) => {
      const [found] = (await manager.query(
        `SELECT case_id AS "caseId", county, town, kind, unit_code AS "unitCode", answered_at AS "answeredAt"
           FROM routing.supervision_orders WHERE id = $1 FOR UPDATE`,
        [orderId],
      )) as {
        caseId: string;
        county: string;
        town: string;
        kind: SupervisionOrderKind;
        unitCode: string;
        answeredAt: Date | null;
      }[];
      if (!found || found.county !== person.county)
        throw new SupervisionOrderError(SupervisionOrderErrorCode.ORDER_NOT_FOUND);
      if (!mayAnswer(person, found))
        throw new SupervisionOrderError(SupervisionOrderErrorCode.NOT_YOURS_TO_ANSWER);
      if (found.answeredAt) throw new SupervisionOrderError(SupervisionOrderErrorCode.ALREADY_ANSWERED);
      const [rows] = (await manager.query(
        `UPDATE routing.supervision_orders
            SET answer = $2, answered_by = $3, answered_by_name = $4, answered_at = now()
          WHERE id = $1 RETURNING answered_at AS "answeredAt"`,
        [orderId, answer, person.id, person.name],
      )) as [{ answeredAt: Date }[], number];
      await enqueueEvent(manager, ROUTING_SCHEMA, supervisionAnsweredV1, {
        subject: found.caseId,
        county: found.county,
        town: found.town,
        actor: {
          ...personActor(person),
          role: person.roles.includes('town-leader') ? 'town-leader' : 'county-officer',
        },
        correlationId: found.caseId,
        payload: {
          orderId,
          caseId: found.caseId,
          kind: found.kind,
          answer,
          answeredAt: rows[0].answeredAt.toISOString(),
        },
      });
      return this.readOne(manager, orderId, chinaDate(now));
    });
  }

  /**
   * The orders a person may see, unanswered first (the most overdue first), then answered ones, the latest first:
   * the county's for its supervisors, a town's for its leader, a bureau's own for its officers.
   */
  async list(
    viewer: AuthUser,
    place: { county: string; town?: string },
    openOnly: boolean,
    now: Date = new Date(),
  ): Promise<SupervisionOrder[]> {
    assertReachesPlace(viewer, place);
    const onlyUnit =
      viewer.roles.includes('county-officer') && !viewer.roles.some((role) => role !== 'county-officer');
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM routing.supervision_orders o JOIN routing.routed_cases c ON c.case_id = o.case_id
        WHERE o.county = $1 AND ($2::text IS NULL OR o.town = $2) AND ($3::text IS NULL OR o.unit_code = $3)
          AND (NOT $4 OR o.answered_at IS NULL)
        ORDER BY o.answered_at IS NOT NULL, CASE WHEN o.answered_at IS NULL THEN o.answer_by END, o.ordered_at DESC
        LIMIT ${LISTED}`,
      [place.county, place.town ?? null, onlyUnit ? (viewer.unitCode ?? '') : null, openOnly],
    )) as Omit<SupervisionOrder, 'status'>[];
    const today = chinaDate(now);
    return rows.map((row) => withStatus(row, today));
  }

  private async readOne(manager: EntityManager, id: string, today: string): Promise<SupervisionOrder> {
    const [row] = (await manager.query(
      `SELECT ${COLUMNS} FROM routing.supervision_orders o JOIN routing.routed_cases c ON c.case_id = o.case_id
        WHERE o.id = $1`,
      [id],
    )) as Omit<SupervisionOrder, 'status'>[];
    return withStatus(row, today);
  }
}

function withStatus(row: Omit<SupervisionOrder, 'status'>, today: string): SupervisionOrder {
  const status: SupervisionOrderStatus = row.answeredAt
    ? 'answered'
    : row.answerBy < today
      ? 'overdue'
      : 'waiting';
  return { ...row, status };
}

/** A county bureau answers for its own unit; a town's leader for every desk and village station of the town. */
function mayAnswer(person: AuthUser, order: { county: string; town: string; unitCode: string }): boolean {
  if (isCountyUnit(order.unitCode, order.county))
    return person.roles.includes('county-officer') && person.unitCode === order.unitCode;
  return person.roles.includes('town-leader') && person.town === order.town;
}
