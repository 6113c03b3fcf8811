export * from './ascii';
export * from './http';
export * from './portal-ui';
export * from './line-format';
export * from './sign-in';
