export * from './scale';
export * from './default-scale';
