export * from './ascii';
export * from './http';
