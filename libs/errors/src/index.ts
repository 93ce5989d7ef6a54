export * from './coded-error';
export * from './coded-error.filter';
export * from './engine-unavailable';
