import type { ApplicationChannel, DeliveryMethod } from '@oneseal/contracts';
import {
  findMaterialShortfalls,
  type ApplicationForm,
  type FormData,
  type MatterGuide,
  type SubmittedMaterial,
} from '@oneseal/domain';
import type { AgentAuthorisation } from '../applications/application.entity';
import { AUTHORISATION_MATERIAL, type AttachmentSummary } from './attachments/attachments.service';
import { maskIdNumber, maskPhone, personalDataOfForm } from './personal-data';

/** What the case file reads of an application and its matter (one row of the case-file query). */
export interface ApplicationRecord {
  caseId: string;
  receiptNumber: string | null;
  submittedAt: Date;
  channel: ApplicationChannel;
  county: string;
  countyName: string | null;
  town: string;
  townName: string | null;
  villageCode: string | null;
  villageName: string | null;
  applicantName: string;
  applicantIdNumber: string | null;
  applicantPhone: string | null;
  formData: FormData | null;
  authorisation: AgentAuthorisation | null;
  materials: SubmittedMaterial[] | null;
  deliveryMethod: DeliveryMethod | null;
  deliveryAddress: string | null;
  filedBy: string | null;
  filedByName: string | null;
  matterCode: string;
  matterName: string | null;
  matterVersion: number | null;
  matterType: string;
  matterTypeCode: string;
  matterLevel: 'town' | 'village';
  handlingMode: string;
  unitCode: string;
  unitName: string | null;
  guide: MatterGuide | null;
}

/** One line of the materials checklist: what the guide asks, what was handed in, its pages, and whether it is short. */
export interface MaterialLine {
  name: string;
  issuer: string;
  required: boolean;
  needed: { originals: number; copies: number };
  /** Paper counted at the window; filed online, the files uploaded instead. */
  received: { originals: number; copies: number; pages?: number };
  attachments: AttachmentSummary[];
  /** Required and handed in short of what the guide asks. */
  missing: boolean;
  /** Asked for by a 补正 rather than listed by the guide: known only by the pages filed under it. */
  fromCorrection?: true;
}

export interface ApplicationView {
  caseId: string;
  receiptNumber: string | null;
  submittedAt: Date;
  channel: ApplicationChannel;
  place: {
    county: string;
    countyName: string | null;
    town: string;
    townName: string | null;
    village: string | null;
    villageName: string | null;
  };
  filedBy: { id: string; name: string | null } | null;
  applicant: { name: string; idNumber: string | null; phone: string | null };
  /** Whose 授权委托书 lets someone else file: the agent (who filed) and what the applicant signed. */
  authorisation: (AgentAuthorisation & { agentName: string | null }) | null;
  matter: {
    code: string;
    name: string | null;
    type: string;
    typeCode: string;
    level: 'town' | 'village';
    handlingMode: string;
    unit: { code: string; name: string | null };
    version: number | null;
  };
  form: ApplicationForm | null;
  formData: FormData;
  materials: MaterialLine[];
  delivery: { method: DeliveryMethod | null; address: string | null };
  /** False when ID numbers, phones and accounts are masked (the reader does not work the case with the applicant). */
  personalDataShown: boolean;
}

/** The whole application as a reader may see it, and which personal data it shows (for the record). */
export function applicationView(
  record: ApplicationRecord,
  attachments: AttachmentSummary[],
  showPersonalData: boolean,
): { view: ApplicationView; personalFields: string[] } {
  const form = record.guide?.form ?? null;
  const formData = personalDataOfForm(form ?? undefined, record.formData ?? {});
  const personalFields = [
    ...(record.applicantIdNumber ? ['applicantIdNumber'] : []),
    ...(record.applicantPhone ? ['applicantPhone'] : []),
    ...(record.deliveryAddress ? ['deliveryAddress'] : []),
    ...formData.personal,
  ];
  const idNumber = record.applicantIdNumber;
  const phone = record.applicantPhone;
  const view: ApplicationView = {
    caseId: record.caseId,
    receiptNumber: record.receiptNumber,
    submittedAt: record.submittedAt,
    channel: record.channel,
    place: {
      county: record.county,
      countyName: record.countyName,
      town: record.town,
      townName: record.townName,
      village: record.villageCode,
      villageName: record.villageName,
    },
    filedBy: record.filedBy ? { id: record.filedBy, name: record.filedByName } : null,
    applicant: {
      name: record.applicantName,
      idNumber: idNumber && !showPersonalData ? maskIdNumber(idNumber) : idNumber,
      phone: phone && !showPersonalData ? maskPhone(phone) : phone,
    },
    authorisation: record.authorisation ? { ...record.authorisation, agentName: record.filedByName } : null,
    matter: {
      code: record.matterCode,
      name: record.matterName,
      type: record.matterType,
      typeCode: record.matterTypeCode,
      level: record.matterLevel,
      handlingMode: record.handlingMode,
      unit: { code: record.unitCode, name: record.unitName },
      version: record.matterVersion,
    },
    form,
    formData: showPersonalData ? (record.formData ?? {}) : formData.masked,
    materials: materialLines(record, attachments),
    delivery: {
      method: record.deliveryMethod,
      address: record.deliveryAddress && !showPersonalData ? '（已隐去）' : record.deliveryAddress,
    },
    personalDataShown: showPersonalData,
  };
  return { view, personalFields: showPersonalData ? personalFields : [] };
}

function materialLines(record: ApplicationRecord, attachments: AttachmentSummary[]): MaterialLine[] {
  const guideMaterials = record.guide?.materials ?? [];
  const submitted = record.materials ?? [];
  const short = new Set(findMaterialShortfalls(guideMaterials, submitted).map((shortfall) => shortfall.name));
  const receivedOf = (name: string) =>
    submitted
      .filter((material) => material.name === name)
      .reduce(
        (sum, material) => ({
          originals: sum.originals + material.originals,
          copies: sum.copies + material.copies,
          ...(material.pages ? { pages: (sum.pages ?? 0) + material.pages } : {}),
        }),
        { originals: 0, copies: 0 } as MaterialLine['received'],
      );
  const lines: MaterialLine[] = guideMaterials.map((material) => ({
    name: material.name,
    issuer: material.issuer,
    required: material.required,
    needed: { originals: material.originals, copies: material.copies },
    received: receivedOf(material.name),
    attachments: attachments.filter((attachment) => attachment.materialName === material.name),
    missing: short.has(material.name),
  }));
  if (record.authorisation) {
    lines.push({
      name: AUTHORISATION_MATERIAL,
      issuer: '申请人',
      required: true,
      needed: { originals: 1, copies: 0 },
      received: { originals: 1, copies: 0 },
      attachments: attachments.filter((attachment) => attachment.materialName === AUTHORISATION_MATERIAL),
      missing: false,
    });
  }
  const listed = new Set(lines.map((line) => line.name));
  const supplied = [...new Set(attachments.map((attachment) => attachment.materialName))].filter(
    (name) => !listed.has(name),
  );
  for (const name of supplied) {
    lines.push({
      name,
      issuer: '',
      required: false,
      needed: { originals: 0, copies: 0 },
      received: { originals: 0, copies: 0 },
      attachments: attachments.filter((attachment) => attachment.materialName === name),
      missing: false,
      fromCorrection: true,
    });
  }
  return lines;
}
