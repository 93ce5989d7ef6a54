export * from './a4';
export * from './fonts';
export * from './table';
