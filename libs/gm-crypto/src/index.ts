export * from './sm2';
