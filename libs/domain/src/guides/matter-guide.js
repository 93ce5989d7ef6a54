'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
exports.defaultGuide = defaultGuide;
const matter_type_1 = require('../catalogue/matter-type');
/** The guide of a matter the documents say nothing more about: the county's defaults, each marked as such. */
function defaultGuide(matter, defaults) {
  const onTheSpot = defaults.onTheSpotNamePatterns.some((pattern) => matter.name.includes(pattern));
  const statutory = (0, matter_type_1.isAdministrativePower)(matter.type)
    ? defaults.statutoryLimitWorkingDays
    : null;
  const committed = onTheSpot
    ? 0
    : Math.min(defaults.committedLimitWorkingDays, statutory ?? Number.POSITIVE_INFINITY);
  return {
    legalBasis: null,
    caseKind: onTheSpot ? '即办件' : '承诺件',
    statutoryLimitWorkingDays: statutory,
    committedLimitWorkingDays: committed,
    materials: defaults.materials.map((material) => ({ ...material })),
    fee: defaults.fee,
    onlineDepth: defaults.onlineDepth,
    onSiteVisits: defaults.onSiteVisits,
    appointment: defaults.appointment,
    expressDelivery: defaults.expressDelivery,
    sources: {
      legalBasis: 'county-default',
      timeLimits: 'county-default',
      caseKind: 'county-default',
      materials: 'county-default',
      fee: 'county-default',
      online: 'county-default',
    },
  };
}
//# sourceMappingURL=matter-guide.js.map
