export * from './catalogue/matter-type';
export * from './catalogue/handling-mode';
export * from './catalogue/catalogue-error';
export * from './catalogue/annex-table';
export * from './catalogue/seeded-catalogue';
export * from './guides/matter-guide';
export * from './routes/route-plan';
export * from './routes/units';
export * from './routes/derive-route';
export * from './canonical-json';
//# sourceMappingURL=index.d.ts.map
