import type { DataSource } from 'typeorm';
import type { LedgerQuery } from './dto/ledger-query.dto';
import { LedgerEntry } from './ledger-entry.entity';

/** A page of a town's 用印登记 in the order it was written, optionally one case's or one kind of line. */
export function ledgerLines(dataSource: DataSource, query: LedgerQuery): Promise<LedgerEntry[]> {
  const lines = dataSource
    .getRepository(LedgerEntry)
    .createQueryBuilder('line')
    .where('line.town = :town', { town: query.town })
    .andWhere('line.seq > :after', { after: query.after ?? 0 })
    .orderBy('line.seq', 'ASC')
    .limit(query.limit ?? 100);
  if (query.caseId) lines.andWhere('line.caseId = :caseId', { caseId: query.caseId });
  if (query.entry) lines.andWhere('line.entry = :entry', { entry: query.entry });
  return lines.getMany();
}
