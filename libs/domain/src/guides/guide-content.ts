import type { MatterGuide } from './matter-guide';

/** A law, regulation, normative document or published guide a guide value is taken from. */
export interface CitedSource {
  title: string;
  /** 文号 or edition, e.g. 国务院令第649号. */
  document?: string;
  issuer?: string;
  kind: 'law' | 'regulation' | 'rule' | 'normative' | 'standard' | 'guide';
  /** Only an address actually seen. */
  url?: string;
}

/** `source` is a key of the file's sources, or 'county-default' where the value is the county's own. */
type Sourced = { source: string };

export interface ResearchedMaterial {
  name: string;
  originals: number;
  copies: number;
  provider: string;
  required: boolean;
  note?: string;
}

/** One matter's entry in seeds/guides/*.json (see seeds/guides/FORMAT.md). */
export interface MatterGuideResearch {
  name: string;
  legalBasis?: ({ article?: string; summary: string } & Sourced)[];
  conditions?: { items: string[] } & Sourced;
  materials?: { items: ResearchedMaterial[] } & Sourced;
  process?: { steps: { name: string; actor: string; description: string }[] } & Sourced;
  statutoryLimit?: { text: string; workingDays: number | null; article?: string } & Sourced;
  fee?: { text: string; basis?: string } & Sourced;
  onlineDepth?: { level: number } & Sourced;
}

export interface GuideResearchFile {
  sources: Record<string, CitedSource>;
  matters: Record<string, MatterGuideResearch>;
}

/**
 * What public sources say about a matter beyond the fields the checks use: each part names the sources it is
 * taken from (keys of `sources`), or says it is the county's default.
 */
export interface GuideContent {
  legalBasis: { citation: string; summary: string; source: string }[];
  conditions?: { items: string[]; source: string };
  /**
   * The materials public guides ask for. Until the responsible bureau confirms them (by publishing the guide), the
   * county's default list is what the window checks; the public page shows both, each marked.
   */
  researchedMaterials?: { items: ResearchedMaterial[]; source: string };
  process?: { steps: { name: string; actor: string; description: string }[]; source: string };
  statutoryLimit?: { text: string; workingDays: number | null; source: string; article?: string };
  fee?: { text: string; basis?: string; source: string };
  /** Every source the parts above cite. */
  sources: Record<string, CitedSource>;
}

/** 《社会救助暂行办法》（国务院令第649号）第四十七条: how a basis is cited on the page and in documents. */
export function citationOf(source: CitedSource | undefined, article?: string): string {
  if (!source) return article ?? '';
  const document = source.document ? `（${source.document}）` : '';
  return `《${source.title}》${document}${article ?? ''}`;
}

/** What public sources say about each matter: by the code it was researched under, and by level and name. */
export interface GuideResearch {
  byCode: ReadonlyMap<string, GuideContent>;
  /**
   * Another county's matter of the same name and level is the same matter under the same laws: its researched
   * content is where that county's guide starts (every part still names its source, and the county confirms it).
   */
  byName: ReadonlyMap<string, GuideContent>;
}

/** The key of `byName`: a matter's level (town, village) and its name as the lists write it. */
export const researchNameKey = (level: 'town' | 'village', name: string) =>
  `${level}:${name.replace(/\s+/g, '')}`;

/** Codes are <county>-T-nnn for town matters and <county>-V-nnn for village ones. */
const levelOfCode = (code: string): 'town' | 'village' | undefined =>
  /-T-\d+$/.test(code) ? 'town' : /-V-\d+$/.test(code) ? 'village' : undefined;

/**
 * Several research files as one: the first file that names a matter gives its entry; sources are kept per file,
 * so two files may use the same key for different documents.
 */
export function mergeGuideResearch(files: readonly GuideResearchFile[]): GuideResearch {
  const byCode = new Map<string, GuideContent>();
  const byName = new Map<string, GuideContent>();
  for (const file of files) {
    for (const [code, research] of Object.entries(file.matters)) {
      if (byCode.has(code)) continue;
      const content = contentOf(research, file.sources);
      byCode.set(code, content);
      const level = levelOfCode(code);
      const key = level && researchNameKey(level, research.name);
      if (key && !byName.has(key)) byName.set(key, content);
    }
  }
  return { byCode, byName };
}

/** The researched content for a matter: its own code's, or failing that a researched matter of its level and name. */
export function researchFor(
  research: GuideResearch,
  matter: { code: string; level: 'town' | 'village'; name: string },
): GuideContent | undefined {
  return research.byCode.get(matter.code) ?? research.byName.get(researchNameKey(matter.level, matter.name));
}

function contentOf(research: MatterGuideResearch, sources: Record<string, CitedSource>): GuideContent {
  const cited = new Set<string>();
  const cite = <T extends Sourced>(part: T | undefined): T | undefined => {
    if (part && part.source !== 'county-default') cited.add(part.source);
    return part;
  };
  const legalBasis = (research.legalBasis ?? []).map((basis) => {
    cite(basis);
    return {
      citation: citationOf(sources[basis.source], basis.article),
      summary: basis.summary,
      source: basis.source,
    };
  });
  const content: GuideContent = { legalBasis, sources: {} };
  const conditions = cite(research.conditions);
  if (conditions) content.conditions = { items: conditions.items, source: conditions.source };
  const materials = cite(research.materials);
  if (materials) content.researchedMaterials = { items: materials.items, source: materials.source };
  const process = cite(research.process);
  if (process) content.process = { steps: process.steps, source: process.source };
  const limit = cite(research.statutoryLimit);
  if (limit) content.statutoryLimit = { ...limit };
  const fee = cite(research.fee);
  if (fee) content.fee = { ...fee };
  for (const key of cited) {
    const source = sources[key];
    if (!source) throw new Error(`guide research cites an unknown source "${key}"`);
    content.sources[key] = source;
  }
  return content;
}

/**
 * A default guide with what public sources say: the legal basis (cited, so documents name it) and the fee are
 * taken over and marked as from public sources; conditions, process, the statutory limit's wording and the
 * materials public guides ask for are added beside the county's values, which stay what the checks use until the
 * responsible bureau confirms the guide.
 */
export function withResearchedContent(guide: MatterGuide, content: GuideContent | undefined): MatterGuide {
  if (!content) return guide;
  // One citation per source, its articles together: 《社会救助暂行办法》（…）第四十七条、第四十八条.
  const articles = new Map<string, string[]>();
  for (const basis of content.legalBasis) {
    const cited = articles.get(basis.source) ?? [];
    const article = basis.citation.slice(citationOf(content.sources[basis.source]).length);
    if (article !== '' && !cited.includes(article)) cited.push(article);
    articles.set(basis.source, cited);
  }
  const legalBasis = [...articles].map(
    ([source, cited]) => `${citationOf(content.sources[source])}${cited.join('、')}`,
  );
  return {
    ...guide,
    ...(legalBasis.length > 0 ? { legalBasis: legalBasis.join('；') } : {}),
    ...(content.fee ? { fee: content.fee.text } : {}),
    content,
    sources: {
      ...guide.sources,
      ...(legalBasis.length > 0 ? { legalBasis: 'public-source' as const } : {}),
      ...(content.fee ? { fee: 'public-source' as const } : {}),
    },
  };
}
