import type { DataSource } from 'typeorm';
import type { LedgerQuery } from './dto/ledger-query.dto';
import { LedgerEntry } from './ledger-entry.entity';

/** A page of an organ's (a town's or a bureau's) 用印登记 in the order it was written, optionally one case's or one kind of line. */
export function ledgerLines(dataSource: DataSource, query: LedgerQuery): Promise<LedgerEntry[]> {
  const lines = dataSource
    .getRepository(LedgerEntry)
    .createQueryBuilder('line')
    // Lines written before organs were kept have no organ: they are the town's own seal's.
    .where('(line.organ = :organ OR (line.organ IS NULL AND line.town = :organ))', { organ: query.town })
    .andWhere('line.seq > :after', { after: query.after ?? 0 })
    .orderBy('line.seq', 'ASC')
    .limit(query.limit ?? 100);
  if (query.caseId) lines.andWhere('line.caseId = :caseId', { caseId: query.caseId });
  if (query.entry) lines.andWhere('line.entry = :entry', { entry: query.entry });
  return lines.getMany();
}
