import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { lookupDigest } from '@oneseal/domain';
import { DataSource } from 'typeorm';
import { isEncrypted, PersonalDataCipher } from './personal-data-cipher';
import { APPLICANT_LOOKUP_KEY } from './personal-data.tokens';

const BATCH = 200;

/**
 * Applications recorded before ID numbers and phones were encrypted hold them in clear: encrypted once, in batches,
 * when the service starts (only it holds the key). Rows written since are refused by the database unless encrypted.
 */
@Injectable()
export class LegacyPersonalData implements OnApplicationBootstrap {
  private readonly logger = new Logger(LegacyPersonalData.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
    @Inject(APPLICANT_LOOKUP_KEY) private readonly lookupKey: Buffer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const encrypted = await this.encryptAll();
    if (encrypted > 0)
      this.logger.log(`encrypted the ID number and phone of ${encrypted} earlier applications`);
  }

  /** Found through a partial index of exactly these rows: once none are left, a start reads nothing. */
  async encryptAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = (await this.dataSource.query(
        `SELECT id, applicant_id_number AS "idNumber", applicant_phone AS "phone" FROM intake.applications
          WHERE applicant_id_number NOT LIKE 'v1:%' OR applicant_phone NOT LIKE 'v1:%'
          LIMIT $1`,
        [BATCH],
      )) as { id: string; idNumber: string | null; phone: string | null }[];
      if (rows.length === 0) return total;
      for (const row of rows) {
        const idNumber = row.idNumber !== null && !isEncrypted(row.idNumber) ? row.idNumber : undefined;
        await this.dataSource.query(
          `UPDATE intake.applications
              SET applicant_id_number = COALESCE($2, applicant_id_number),
                  applicant_phone = COALESCE($3, applicant_phone),
                  applicant_id_digest = COALESCE($4, applicant_id_digest)
            WHERE id = $1`,
          [
            row.id,
            idNumber === undefined ? null : this.cipher.encrypt('applicant_id_number', row.id, idNumber),
            row.phone !== null && !isEncrypted(row.phone)
              ? this.cipher.encrypt('applicant_phone', row.id, row.phone)
              : null,
            idNumber === undefined ? null : lookupDigest(this.lookupKey, 'id-number', idNumber),
          ],
        );
      }
      total += rows.length;
    }
  }
}
