export * from './engine-endpoints';
export * from './test-databases';
export * from './eventually';
export * from './kafka-probe';
export * from './suite-data-source';
export * from './workflow-history';
export * from './fixtures/applicant';
export * from './test-auth';
