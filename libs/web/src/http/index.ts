export * from './bss-exception.filter';
export * from './health.controller';
export * from './clock.controller';
export * from './bootstrap-http-app';
export * from './trusted-proxies';
