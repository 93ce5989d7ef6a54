export * from './application-form';
export * from './check-form-data';
export * from './check-form-definition';
export * from './form-seeds';
