import { Global, Module, type DynamicModule } from '@nestjs/common';
import { LegacyPersonalData } from './legacy-personal-data';
import { PersonalDataCipher } from './personal-data-cipher';
import { APPLICANT_LOOKUP_KEY } from './personal-data.tokens';

/** The intake service's keys for personal data: the cipher of ID numbers and phones, and the lookup digest key. */
@Global()
@Module({})
export class PersonalDataModule {
  static forKeys(keys: { personalDataKey: Buffer; applicantLookupKey: Buffer }): DynamicModule {
    return {
      module: PersonalDataModule,
      providers: [
        { provide: PersonalDataCipher, useValue: new PersonalDataCipher(keys.personalDataKey) },
        { provide: APPLICANT_LOOKUP_KEY, useValue: keys.applicantLookupKey },
        LegacyPersonalData,
      ],
      exports: [PersonalDataCipher, APPLICANT_LOOKUP_KEY],
    };
  }
}
