import { api, session } from './api.js';
import { html } from './html.js';

/**
 * Names instead of codes: the places and units of the signed-in person's county (intake's /catalogue/places), loaded
 * once per page load. Until they arrive, or for a code it cannot place, a name falls back to the code itself.
 */
let places = null;
let loading = null;

export function loadPlaces(county = session.user?.county) {
  if (!county) return Promise.resolve(null);
  if (places?.county.code === county) return Promise.resolve(places);
  loading ??= api('intake', `/catalogue/places/${encodeURIComponent(county)}`)
    .then((loaded) => {
      places = { ...loaded, townByCode: new Map(), villageByCode: new Map() };
      for (const town of loaded.towns) {
        places.townByCode.set(town.code, town.name);
        for (const village of town.villages)
          places.villageByCode.set(village.code, { ...village, town: town.name });
      }
      return places;
    })
    .catch(() => null)
    .finally(() => {
      loading = null;
    });
  return loading;
}

/** 南村镇便民服务中心综合受理窗口 for 140525100-window; the code when it cannot be named. */
export const unitLabel = (code) => (code ? (places?.units[code] ?? code) : '');

export const townLabel = (code) => (code ? (places?.townByCode.get(code) ?? code) : '');

/** 东村（南村镇） for a village code. */
export function villageLabel(code) {
  const village = code && places?.villageByCode.get(code);
  return village ? `${village.name}（${village.town}）` : (code ?? '');
}

export const countyLabel = (code) => (places?.county.code === code ? places.county.name : (code ?? ''));

/** The towns of the county, for a choice instead of a typed 9-digit code. */
export const townsOfCounty = () => places?.towns ?? [];

/** The county's bureaus (县直部门), for a choice instead of a typed unit code. */
export const bureausOfCounty = () => places?.bureaus ?? [];

/** The villages of one town, for a choice once the town is chosen. */
export const villagesOfTown = (town) => places?.towns.find((each) => each.code === town)?.villages ?? [];

/** Options for a choice of town; `none` is the empty choice's wording (全县, 不限, 请选择). */
export const townOptionsHtml = (selected = '', none = '全县') =>
  html`<option value="">${none}</option>
    ${townsOfCounty().map(
      (town) =>
        html`<option value="${town.code}" ${town.code === selected ? 'selected' : ''}>${town.name}</option>`,
    )}`;

/**
 * The town a screen is narrowed to: a choice for someone who sees the county (`none`: the empty choice), the town
 * itself, fixed, for someone who works in one.
 */
export const townFieldHtml = (user, { anyTown, none = '全县', required = false }) =>
  anyTown
    ? html`<label
        >乡镇
        <select name="town" ${required ? 'required' : ''}>
          ${townOptionsHtml(user.town ?? '', none)}
        </select></label
      >`
    : html`<span>乡镇：${townLabel(user.town)}</span>`;

export const villageOptionsHtml = (town, selected = '', none = '不限') =>
  html`<option value="">${none}</option>
    ${villagesOfTown(town).map(
      (village) =>
        html`<option value="${village.code}" ${village.code === selected ? 'selected' : ''}>
          ${village.name}
        </option>`,
    )}`;

export const bureauOptionsHtml = (selected = '', none = '不限') =>
  html`<option value="">${none}</option>
    ${bureausOfCounty().map(
      (bureau) =>
        html`<option value="${bureau.code}" ${bureau.code === selected ? 'selected' : ''}>
          ${bureau.name}
        </option>`,
    )}`;
