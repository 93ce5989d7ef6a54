import type { DataSource } from 'typeorm';

/** The open cases of one matter in a county (or town), and how late they run. */
export interface MatterGroup {
  matterCode: string;
  /** As the catalogue named it when the case was filed (absent for cases routed before names were kept). */
  matterName: string | null;
  open: number;
  yellow: number;
  red: number;
  statutory: number;
  awaitingCorrection: number;
  suspended: number;
  earliestDueDate: string | null;
}

/**
 * 电子监察 by matter: which kinds of case are piling up or running late, the most warned first. The warning is the
 * worst one still standing on the case, as the case workflow raised it.
 */
export async function matterBreakdown(
  dataSource: DataSource,
  place: { county: string; town?: string },
): Promise<MatterGroup[]> {
  return (await dataSource.query(
    `SELECT matter_code AS "matterCode", max(matter_name) AS "matterName",
            count(*)::int AS open,
            count(*) FILTER (WHERE warning = 'yellow')::int AS yellow,
            count(*) FILTER (WHERE warning = 'red')::int AS red,
            count(*) FILTER (WHERE warning = 'statutory')::int AS statutory,
            count(*) FILTER (WHERE stage = 'awaiting-correction')::int AS "awaitingCorrection",
            count(*) FILTER (WHERE stage = 'suspended')::int AS suspended,
            min(committed_due_date)::text AS "earliestDueDate"
       FROM routing.routed_cases
      WHERE concluded_at IS NULL AND stage <> 'refused' AND county = $1 AND ($2::text IS NULL OR town = $2)
      GROUP BY matter_code
      ORDER BY statutory DESC, red DESC, yellow DESC, open DESC, matter_code`,
    [place.county, place.town ?? null],
  )) as MatterGroup[];
}
